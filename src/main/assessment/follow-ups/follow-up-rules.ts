// The follow-up decision without any model: the evaluation's gaps are mapped
// to the trigger codes the bank stores with each follow-up. This engine always decides WHETHER to
// follow up and about WHICH gap; an LLM, when installed, only rewords the chosen question for the
// specific answer. So nothing written in an answer can talk the interviewer out of a follow-up.
import type { QuestionType } from '../../../shared/contract';
import type { followUpTriggers } from '../../../shared/packs/pack-schema';
import { analyseLexically } from '../lexical-scorer';
import type { ScoreInput } from '../scorer';
import { findUnexplainedTerms } from './unexplained-terms';
import { checksClaims, findWrongClaims, type WrongClaim } from './wrong-claims';

export type FollowUpTrigger = (typeof followUpTriggers)[number];

export const FOLLOW_UP_RULES_ENGINE = 'bank-rules@1';

/** Under this many words an answer is "too short" (the session summary uses the same line). */
export const SHORT_ANSWER_WORDS = 40;

export interface AnswerGaps {
  readonly missingResult: boolean;
  readonly vagueActions: boolean;
  readonly missingKeyPoints: readonly string[];
  /** Share of the expected key points the answer left out (0 when the question has none). */
  readonly missingShare: number;
  readonly tooShort: boolean;
  readonly noSpecificExample: boolean;
  readonly wordCount: number;
  /** Acronyms and names the answer uses without explaining (see unexplained-terms.ts). */
  readonly unexplainedTerms: readonly string[];
  /** Statements that contradict the ideal answer; only checked for factual question types. */
  readonly wrongClaims: readonly WrongClaim[];
}

/** What a follow-up asks about beyond its trigger: stored with it, given to the LLM, and used to
 * judge whether the answer to the follow-up closed the gap. */
export interface GapDetail {
  readonly term?: string;
  readonly claim?: WrongClaim;
}

/** Measured with the lexical engine only: fast, deterministic, needs no model. */
export function findGaps(input: ScoreInput): AnswerGaps {
  const { details } = analyseLexically(input);
  const { structure, signals } = details;
  const hasPart = (part: string) => structure.starParts.includes(part);
  const expected = input.expectedKeywords.length;
  return {
    missingResult: !structure.hasNumbers || (input.type === 'behavioral' && !hasPart('result')),
    vagueActions: !hasPart('action') || signals.hedges.length >= 2,
    missingKeyPoints: details.keywordsMissing,
    missingShare: expected === 0 ? 0 : details.keywordsMissing.length / expected,
    tooShort: details.wordCount < SHORT_ANSWER_WORDS,
    noSpecificExample: signals.specificity < 0.2 && !hasPart('situation'),
    wordCount: details.wordCount,
    unexplainedTerms: findUnexplainedTerms(input.answer, {
      question: input.question,
      idealAnswer: input.idealAnswer,
      keywords: [...input.expectedKeywords, ...Object.values(input.keywordSynonyms ?? {}).flat()],
    }),
    wrongClaims: checksClaims(input.type) ? findWrongClaims(input.answer, input.idealAnswer) : [],
  };
}

export function triggerFires(
  trigger: FollowUpTrigger,
  gaps: AnswerGaps,
  type: QuestionType,
): boolean {
  switch (trigger) {
    case 'always':
      return true;
    case 'no-measurable-result':
      return gaps.missingResult;
    case 'missing-key-points':
      return gaps.missingShare >= 0.5;
    case 'too-short':
      return gaps.tooShort;
    case 'no-specific-example':
      return gaps.noSpecificExample;
    case 'unexplained-term':
      return gaps.unexplainedTerms.length > 0;
    case 'wrong-claim':
      return gaps.wrongClaims.length > 0;
    case 'vague-actions':
      // Actions are what behavioural and situational answers are judged on; elsewhere hedging is.
      return type === 'behavioral' || type === 'situational' ? gaps.vagueActions : false;
    default:
      return assertNever(trigger);
  }
}

// A specific gap is a better reason to ask than "always"; among gaps, the ones that cost most.
// A claim that contradicts the ideal answer comes first: left alone it is the costliest mistake.
const PRIORITY: readonly FollowUpTrigger[] = [
  'wrong-claim',
  'no-measurable-result',
  'vague-actions',
  'unexplained-term',
  'missing-key-points',
  'no-specific-example',
  'too-short',
  'always',
];

export interface BankFollowUp {
  readonly question: string;
  readonly when: FollowUpTrigger;
}

export interface ChosenFollowUp extends BankFollowUp {
  /** The term or claim it asks about; empty for the other triggers. */
  readonly detail: GapDetail;
}

/**
 * Unexplained terms and wrong claims are about what this answer said, which no pack author can
 * foresee: when the question has no follow-up of its own for them, these wordings are used.
 * A pack's own wording may name the term or the claim with {term} or {claim}.
 */
export const ANSWER_SPECIFIC_FOLLOW_UPS: readonly BankFollowUp[] = [
  {
    question: 'You mentioned {term}: what is it, and why did it fit here?',
    when: 'unexplained-term',
  },
  { question: 'You said "{claim}". Can you walk me through how that works?', when: 'wrong-claim' },
];

/**
 * The follow-up to ask, or null: the highest-priority trigger that fires among the question's
 * follow-ups not asked yet in this interview (compared as worded for this answer, so a second
 * unexplained term can still be asked about).
 */
export function chooseFollowUp(
  followUps: readonly BankFollowUp[],
  gaps: AnswerGaps,
  type: QuestionType,
  alreadyAsked: ReadonlySet<string>,
): ChosenFollowUp | null {
  if (gaps.wordCount === 0) return null;
  for (const trigger of PRIORITY) {
    if (!triggerFires(trigger, gaps, type)) continue;
    const own = followUps.filter((f) => f.when === trigger);
    const candidates =
      own.length > 0 ? own : ANSWER_SPECIFIC_FOLLOW_UPS.filter((f) => f.when === trigger);
    for (const detail of detailsFor(trigger, gaps))
      for (const f of candidates) {
        const question = fillFollowUp(f.question, detail);
        if (!alreadyAsked.has(question)) return { question, when: trigger, detail };
      }
  }
  return null;
}

/** One detail per term or claim (the first first), or one empty detail for the other triggers. */
function detailsFor(trigger: FollowUpTrigger, gaps: AnswerGaps): GapDetail[] {
  if (trigger === 'unexplained-term') return gaps.unexplainedTerms.map((term) => ({ term }));
  if (trigger === 'wrong-claim') return gaps.wrongClaims.map((claim) => ({ claim }));
  return [{}];
}

export function fillFollowUp(template: string, detail: GapDetail): string {
  return template
    .replace(/\{term\}/g, detail.term ?? 'that term')
    .replace(/\{claim\}/g, detail.claim?.said ?? 'that');
}

/** For a question the bank does not have (the CLI's free-text questions): one per gap. */
export const GENERIC_FOLLOW_UPS: readonly BankFollowUp[] = [
  { question: 'What was the result, and how did you measure it?', when: 'no-measurable-result' },
  { question: 'What exactly did you do yourself, step by step?', when: 'vague-actions' },
  { question: 'Which parts of this did you leave out, and why?', when: 'missing-key-points' },
  {
    question: 'Can you give a specific example from your own experience?',
    when: 'no-specific-example',
  },
  { question: 'Can you walk me through that in more detail?', when: 'too-short' },
  ...ANSWER_SPECIFIC_FOLLOW_UPS,
];

/** Plain-words names of the gaps, for prompts and written feedback. */
export function describeGaps(gaps: AnswerGaps, type: QuestionType): string[] {
  const out: string[] = [];
  if (gaps.missingResult) out.push('no measurable result (no number or outcome)');
  if ((type === 'behavioral' || type === 'situational') && gaps.vagueActions)
    out.push('vague about what they did themselves');
  if (gaps.missingKeyPoints.length > 0)
    out.push(`left out: ${gaps.missingKeyPoints.slice(0, 4).join(', ')}`);
  if (gaps.noSpecificExample) out.push('no specific example');
  if (gaps.tooShort) out.push(`short (${gaps.wordCount} words)`);
  if (gaps.unexplainedTerms.length > 0)
    out.push(`uses ${gaps.unexplainedTerms.join(', ')} without explaining what it means`);
  for (const claim of gaps.wrongClaims.slice(0, 2))
    out.push(`a claim to re-check: "${claim.said}"`);
  return out;
}

/**
 * The gap one follow-up asks about, in plain words, for the LLM to phrase the question around:
 * the term or the claim itself where there is one. The ideal answer is never included, so the
 * question cannot give the answer away.
 */
export function describeGap(trigger: FollowUpTrigger, detail: GapDetail, gaps: AnswerGaps): string {
  switch (trigger) {
    case 'unexplained-term':
      return `used the term "${detail.term ?? gaps.unexplainedTerms[0] ?? ''}" without explaining it`;
    case 'wrong-claim':
      return `claimed "${detail.claim?.said ?? gaps.wrongClaims[0]?.said ?? ''}", which may be mistaken`;
    case 'no-measurable-result':
      return 'no measurable result (no number or outcome)';
    case 'vague-actions':
      return 'vague about what they did themselves';
    case 'missing-key-points':
      return gaps.missingKeyPoints.length > 0
        ? `left out: ${gaps.missingKeyPoints.slice(0, 4).join(', ')}`
        : 'left out key points';
    case 'no-specific-example':
      return 'no specific example';
    case 'too-short':
      return `short (${gaps.wordCount} words)`;
    case 'always':
      return 'a natural next question about this answer';
    default:
      return assertNever(trigger);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled follow-up trigger: ${String(value)}`);
}
