// The follow-up decision without any model (seed §2.2 step 10): the evaluation's gaps are mapped
// to the trigger codes the bank stores with each follow-up. This engine always decides WHETHER to
// follow up and about WHICH gap; an LLM, when installed, only rewords the chosen question for the
// specific answer. So nothing written in an answer can talk the interviewer out of a follow-up.
import type { QuestionType } from '../../shared/contract';
import type { followUpTriggers } from '../../shared/packs/pack-schema';
import { analyseLexically } from '../scoring/lexical-scorer';
import type { ScoreInput } from '../scoring/scorer';

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
    case 'vague-actions':
      // Actions are what behavioural and situational answers are judged on; elsewhere hedging is.
      return type === 'behavioral' || type === 'situational' ? gaps.vagueActions : false;
    default:
      return assertNever(trigger);
  }
}

// A specific gap is a better reason to ask than "always"; among gaps, the ones that cost most.
const PRIORITY: readonly FollowUpTrigger[] = [
  'no-measurable-result',
  'vague-actions',
  'missing-key-points',
  'no-specific-example',
  'too-short',
  'always',
];

export interface BankFollowUp {
  readonly question: string;
  readonly when: FollowUpTrigger;
}

/**
 * The follow-up to ask, or null: the highest-priority trigger that fires among the question's
 * follow-ups not asked yet in this interview.
 */
export function chooseFollowUp(
  followUps: readonly BankFollowUp[],
  gaps: AnswerGaps,
  type: QuestionType,
  alreadyAsked: ReadonlySet<string>,
): BankFollowUp | null {
  if (gaps.wordCount === 0) return null;
  const open = followUps.filter((f) => !alreadyAsked.has(f.question));
  for (const trigger of PRIORITY) {
    if (!triggerFires(trigger, gaps, type)) continue;
    const found = open.find((f) => f.when === trigger);
    if (found) return found;
  }
  return null;
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
  return out;
}

function assertNever(value: never): never {
  throw new Error(`unhandled follow-up trigger: ${String(value)}`);
}
