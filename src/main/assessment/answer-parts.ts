// The parts a strong answer to a behavioural, situational or motivation question has, found in the
// candidate's own words. These questions have no right facts: the bank's sample answer is one
// person's story, so an answer is judged by whether it has the parts (a specific situation, the
// candidate's own actions, a result, what they learned …), never by whether it retells the sample.
// Each part is found by linguistic cues (tense, person, markers of time, cause and outcome) and is
// shown with the words of the answer that show it.
import type { QuestionType } from '../../shared/contract';
import { sentences, words } from '../engines/language/text';

export type AnswerPartId =
  | 'situation'
  | 'task'
  | 'action'
  | 'result'
  | 'specifics'
  | 'learning'
  | 'approach'
  | 'reasoning'
  | 'people'
  | 'follow-through'
  | 'experience'
  | 'reasons'
  | 'fit';

export interface AnswerPartSpec {
  readonly id: AnswerPartId;
  /** What a strong answer has, as the results page names it. */
  readonly label: string;
  /** How to add it, when it is missing. */
  readonly advice: string;
  /** Share of the part in the whole (weights of one question type add up to 1). */
  readonly weight: number;
}

export interface FoundPart {
  readonly id: AnswerPartId;
  readonly label: string;
  /** The answer's own words that show the part. */
  readonly evidence: string;
  /** 0–1: how fully it is shown (e.g. one action of the candidate's own, or several). */
  readonly strength: number;
}

export interface AnswerPartsResult {
  /** The parts this type of question asks for, in the order a good answer tells them. */
  readonly expected: readonly AnswerPartSpec[];
  readonly found: readonly FoundPart[];
  readonly missing: readonly AnswerPartSpec[];
  /** Weighted share of the expected parts found, each by its strength (0–1). */
  readonly coverage: number;
  /** The answer's last sentence, quoted in advice about what the story leaves out. */
  readonly endsWith: string;
}

const PARTS: Record<'behavioral' | 'situational' | 'motivation', readonly AnswerPartSpec[]> = {
  behavioral: [
    {
      id: 'situation',
      label: 'a specific situation',
      advice: 'set the scene: when and where it happened, and what was at stake',
      weight: 0.15,
    },
    {
      id: 'action',
      label: 'your own actions, in the first person',
      advice: 'say what you yourself did, step by step, with "I"',
      weight: 0.3,
    },
    {
      id: 'result',
      label: 'the result',
      advice: 'say how it turned out',
      weight: 0.2,
    },
    {
      id: 'specifics',
      label: 'concrete details',
      advice: 'give concrete details: how many people, how long, how much, what changed',
      weight: 0.15,
    },
    {
      id: 'learning',
      label: 'what you learned',
      advice: 'end with what you learned or would do differently',
      weight: 0.2,
    },
  ],
  situational: [
    {
      id: 'approach',
      label: 'what you would do, step by step',
      advice: 'walk through the steps you would take, in order, with "I would"',
      weight: 0.35,
    },
    {
      id: 'reasoning',
      label: 'why you would do it',
      advice: 'give the reason behind each step ("because", "so that")',
      weight: 0.25,
    },
    {
      id: 'people',
      label: 'who you would involve',
      advice: 'say whom you would talk to or involve, and how',
      weight: 0.2,
    },
    {
      id: 'follow-through',
      label: 'how you would check it worked',
      advice: 'say how you would check the outcome or follow up',
      weight: 0.2,
    },
  ],
  motivation: [
    {
      id: 'experience',
      label: 'concrete experience of your own',
      advice: 'name things you have done that show it (a project, a job, a course)',
      weight: 0.3,
    },
    {
      id: 'reasons',
      label: 'your reasons',
      advice: 'say plainly why you want this and what draws you to it',
      weight: 0.3,
    },
    {
      id: 'fit',
      label: 'the link to this role',
      advice: 'connect what you offer or want to this role, team or organisation',
      weight: 0.25,
    },
    {
      id: 'specifics',
      label: 'concrete details',
      advice: 'give concrete details: how long, how many, what exactly you did',
      weight: 0.15,
    },
  ],
};

/** Whether a question of this type is judged by the parts of its answer (not by facts). */
export function isJudgedByParts(
  type: QuestionType,
): type is 'behavioral' | 'situational' | 'motivation' {
  return type === 'behavioral' || type === 'situational' || type === 'motivation';
}

export function expectedParts(type: QuestionType): readonly AnswerPartSpec[] {
  return isJudgedByParts(type) ? PARTS[type] : [];
}

// Irregular past forms common in stories (regular ones end in -ed).
const IRREGULAR_PAST =
  'built|wrote|led|made|ran|set|took|began|chose|met|spoke|sat|drew|found|brought|put|gave|got|' +
  'went|told|thought|sent|kept|left|held|taught|caught|sought|bought|paid|said|saw|won|lost|' +
  'became|did|had|knew|felt|heard|read|rewrote|split|cut|spent|stood|understood|worked|fixed';
const PAST = `(?:\\w+ed|${IRREGULAR_PAST})`;
const ADVERB = '(?:\\w+ly\\s+|then\\s+|also\\s+|just\\s+|first\\s+|quickly\\s+|immediately\\s+)?';

const PEOPLE =
  'team|teams|manager|lead|colleagues?|customers?|clients?|users?|stakeholders?|sponsor|owners?|' +
  'engineers?|engineering|sales|support|marketing|product|supplier|director|supervisor|mentor|' +
  'patients?|parents?|students?|teachers?|rep|person|people|them|him|her';

const CUES: Record<AnswerPartId, RegExp> = {
  // A story opens on a particular occasion: a time, a place, a role, or a scene set in the past.
  situation: new RegExp(
    '\\b(?:when i (?:was|joined|started|took over|became|worked)|while (?:i was|working|studying)|' +
      'at my (?:last|previous|first|current|old)|in my (?:first|second|third|final|last|previous|part-time|summer)|' +
      'last (?:year|summer|semester|term|month|spring|autumn|fall|winter)|a (?:few|couple of) (?:years|months|weeks) ago|' +
      '(?:one|this) time|there was a time|during (?:my|an?|the|our)|in (?:19|20)\\d\\d|' +
      'we had an?|there was an?|i was (?:\\w+ing|in charge|part of|an?|the)\\b|' +
      'on (?:a|my|our|one) (?:\\w+ )?(?:project|team|placement|internship|shift|course|module))\\b|' +
      '^(?:at|in|on|during|for|as|when|while|after|last|early|back)\\b[^.!?]{0,140}\\b(?:was|were|had|\\w+ed)\\b',
    'i',
  ),
  task: /\b(?:my (?:task|goal|job|role|responsibility) was|i was (?:asked|responsible|tasked|in charge)|i needed to|i had to|we needed to)\b/i,
  action: new RegExp(`\\bi\\s+${ADVERB}${PAST}\\b`, 'i'),
  // How it turned out: outcome markers, and verbs of change or completion in the past tense.
  result:
    /\b(?:as a result|in the end|at the end|ended up|which (?:led|meant|helped)|that (?:led|meant|helped)|the (?:result|outcome) was|resulted in|by the end|eventually|it worked|that worked|(?:fell|rose|dropped|grew|increased|decreased|improved|reduced|doubled|halved|tripled|reached|won|passed|received|launched|finished|delivered|completed|signed|agreed|accepted|resolved|solved|recovered|shipped|saved|succeeded|went live|broke even)\b|(?:is|are|was|were) (?:now|still) (?:used|in use|running)|now uses?)/i,
  // A figure, an amount or a count: numbers in digits or words, money, doubling and halving.
  specifics:
    /(?:[£$€]\s?)?\b\d+(?:[.,]\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|double|doubled|halved|tripled|dozen|percent|per cent)\b/gi,
  learning:
    /\b(?:i (?:learned|learnt|realised|realized|discovered|now (?:always|make sure|know|try))|(?:taught|showed) me|lesson|next time|since then|from then on|looking back|in hindsight|if i did it again|would do differently|i would now|i now)\b/i,
  // Each step names its verb ("I would ask", "then I'd write"), so distinct steps can be counted.
  approach:
    /\b(?:i would|i'd|i will|i'll|my first step would be to|the first thing i'd do is|then i|next,? i)\s+(?:\w+ly\s+|first\s+|then\s+|also\s+)?[a-z]+/i,
  reasoning:
    /\b(?:because|so that|in order to|since|the reason|that way|otherwise|to (?:make sure|avoid|prevent|reduce|understand|keep|protect)|so (?:nobody|no one|they|users|the|we|it|i)\b)/i,
  // Whom the candidate would involve: any role a colleague, a customer or a manager can have.
  people: new RegExp(
    `\\b(?:with|to|ask|tell|inform|update|involve|consult|agree with|call|email|message) (?:the |my |our |a |an |each |every |all |affected |any )?(?:\\w+ )?(?:${PEOPLE})\\b|\\b(?:talk|speak|meet|sit down|check in|escalate) (?:to|with)\\b|\\btogether with\\b`,
    'i',
  ),
  'follow-through':
    /\b(?:follow(?:ing)? up|check (?:back|in|that|whether|if|on)|make sure|measure|monitor|review|afterwards|report (?:progress|back)|keep (?:them|everyone|people|the \w+) (?:updated|informed|posted)|confirm|see (?:whether|if) it|track)\b/i,
  experience: new RegExp(
    `\\bi\\s+${ADVERB}(?:${PAST}|have (?:been|\\w+ed|built|led|spent|done|taught|run|grown))\\b|\\bi've (?:\\w+ly )?(?:been|\\w+ed|built|led|spent|done|taught|run|grown)\\b|\\b(?:my (?:degree|internship|placement|project|thesis|job|role|time at|experience)|i (?:am|'m) (?:currently|studying|in my))\\b`,
    'i',
  ),
  reasons:
    /\b(?:because|why i|the reason|i (?:really )?(?:enjoy|love|like|want|am drawn|'m drawn|am interested|'m interested|care about|am excited|'m excited|am passionate)|what (?:excites|interests|draws|attracts) me|that's what|which is why|i'm looking for|i am looking for)\b/i,
  // Addressing the employer ("your team", "this role") or what the candidate offers them.
  fit: /\b(?:your|yours|you've|you're|you have|like yours|here at|(?:this|the) (?:role|position|job|scheme|programme|program|company|team|organisation|organization|firm|school|practice)|an? (?:role|team|job|position|company|place|programme) (?:where|that|like|with)|work(?:ing)? (?:here|for you|with you)|join(?:ing)? (?:you|the team)|i (?:can|could|would) (?:bring|offer|contribute|help|add)|(?:skills|experience) (?:fit|match|would help|i bring|seem|is directly))\b/i,
};

/** The sentence (clipped near the cue when long) that shows a part. */
function evidenceOf(sentence: string, index: number): string {
  if (sentence.length <= 160) return sentence;
  const start = Math.max(0, index - 60);
  const clipped = sentence.slice(start, start + 150).trim();
  return `${start > 0 ? '…' : ''}${clipped}…`;
}

/**
 * How many distinct instances of a part it takes to show it fully. One "I decided" is an action;
 * a story shows what the candidate did through several. Parts that are a single statement (a
 * result, a lesson) count fully once said.
 */
const FULL_AT: Partial<Record<AnswerPartId, number>> = {
  action: 3,
  approach: 3,
  experience: 3,
  specifics: 3,
};

/** Finds the parts a strong answer of this question's type has, with the answer's evidence. */
export function findAnswerParts(type: QuestionType, answer: string): AnswerPartsResult {
  const expected = expectedParts(type);
  const said = sentences(answer);
  const found: FoundPart[] = [];
  const missing: AnswerPartSpec[] = [];
  let coverage = 0;
  for (const spec of expected) {
    const cue = new RegExp(CUES[spec.id].source, 'gi');
    const instances = new Set<string>();
    let evidence: string | null = null;
    for (const sentence of said) {
      for (const match of sentence.matchAll(cue)) {
        instances.add(match[0].toLowerCase());
        evidence ??= evidenceOf(sentence, match.index);
      }
    }
    if (evidence === null) {
      missing.push(spec);
      continue;
    }
    const strength = Math.min(1, instances.size / (FULL_AT[spec.id] ?? 1));
    coverage += spec.weight * strength;
    found.push({ id: spec.id, label: spec.label, evidence, strength: round(strength) });
  }
  const last = said.at(-1) ?? '';
  return {
    expected,
    found,
    missing,
    coverage: round(Math.min(1, coverage)),
    endsWith: words(last).length > 14 ? `…${last.slice(-90).replace(/^\S*\s+/, '')}` : last,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The STAR parts (situation, task, action, result) a story has, by the same cues. */
export function starPartsOf(answer: string): string[] {
  const said = sentences(answer);
  return (['situation', 'task', 'action', 'result'] as const).filter((id) =>
    said.some((sentence) => CUES[id].test(sentence)),
  );
}
