// Observable, rule-based signals of an answer's wording: fillers, hedges, structure cues,
// specificity, vocabulary and flags for unusual input. No model needed; they describe the text,
// never the person.
import { findFillers } from '../../shared/fillers';
import { starPartsOf } from './answer-parts';
import { isStopword, words } from '../engines/language/text';

const HEDGES = [
  'i think',
  'i guess',
  'maybe',
  'perhaps',
  'probably',
  'i suppose',
  'not sure',
  'might be',
  'i believe',
  'somewhat',
];

export type AnswerFlag =
  | 'empty'
  | 'no-attempt'
  | 'very-short'
  | 'very-long'
  | 'code-block'
  | 'mostly-non-english'
  | 'instructions-to-grader'
  /** Whole runs of the sample answer repeated word for word (see copied-sample.ts). */
  | 'copied-sample';

export interface AnswerSignals {
  readonly wordCount: number;
  readonly fillerCount: number;
  readonly fillers: Record<string, number>;
  readonly hedges: string[];
  /** Distinct content words ÷ content words (0–1); low means much repetition. */
  readonly vocabularyRichness: number;
  /** 0–1: numbers, units and named specifics per sentence, capped. */
  readonly specificity: number;
  readonly structure: { readonly hasNumbers: boolean; readonly starParts: string[] };
  readonly flags: AnswerFlag[];
}

export function answerSignals(answer: string): AnswerSignals {
  const list = words(answer);
  const text = ` ${list.join(' ')} `;
  const fillers: Record<string, number> = {};
  for (const { filler } of findFillers(answer)) fillers[filler] = (fillers[filler] ?? 0) + 1;
  const content = list.filter((w) => !isStopword(w));
  const specifics = (
    answer.match(
      /\d+(?:[.,]\d+)?\s*(?:%|percent|ms|s|seconds|minutes|hours|days|weeks|months|years|k|m|x)?/gi,
    ) ?? []
  ).length;
  const sentencesCount = Math.max(1, (answer.match(/[.!?]+(\s|$)/g) ?? []).length);
  return {
    wordCount: list.length,
    fillerCount: Object.values(fillers).reduce((a, b) => a + b, 0),
    fillers,
    hedges: HEDGES.filter((h) => text.includes(` ${h} `)),
    vocabularyRichness: content.length === 0 ? 0 : round(new Set(content).size / content.length),
    specificity: round(Math.min(1, specifics / sentencesCount)),
    structure: findStructure(answer),
    flags: flagsFor(answer, list),
  };
}

/**
 * Answers that only say there is no answer ("I don't know", "no answer", "skip"), after courtesy
 * words are set aside. Only the whole answer counts: "I don't know the exact figure, but…" is an
 * attempt.
 */
const NO_ATTEMPT = new Set([
  'no answer',
  'not answered',
  'unanswered',
  "i don't know",
  'i dont know',
  'i do not know',
  "don't know",
  'dont know',
  "i don't know the answer",
  'i do not know the answer',
  'idk',
  'no idea',
  'i have no idea',
  'no clue',
  'i have no clue',
  "i'm not sure",
  'not sure',
  'skip',
  'pass',
  'i pass',
  'skip this one',
  'skip this question',
  "i'll skip this one",
  'n a',
]);
const COURTESY = new Set(['sorry', 'um', 'uh', 'honestly', 'well', 'ok', 'okay']);

/** Whether the answer's words (from words()) only say there is no answer; long ones never do. */
export function isNoAttempt(list: readonly string[]): boolean {
  const said = list.map((w) => w.replace('’', "'")).filter((w) => !COURTESY.has(w));
  return said.length > 0 && said.length <= 6 && NO_ATTEMPT.has(said.join(' '));
}

function flagsFor(answer: string, list: readonly string[]): AnswerFlag[] {
  const flags: AnswerFlag[] = [];
  if (list.length === 0) flags.push('empty');
  else if (isNoAttempt(list)) flags.push('no-attempt');
  else if (list.length < 8) flags.push('very-short');
  if (list.length > 3000) flags.push('very-long');
  if (/```|^\s{4,}\S.*[;{}]\s*$/m.test(answer)) flags.push('code-block');
  const letters = answer.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((c) => /[a-z]/i.test(c)).length;
  if (letters.length >= 20 && latin / letters.length < 0.5) flags.push('mostly-non-english');
  // Text addressed to the grader earns nothing: scoring is rule-based and ignores it, and the flag
  // lets the results say so.
  if (
    /\b(ignore|disregard|forget)\b.{0,40}\b(rubric|instructions?|previous|scor\w*|grad\w*)\b|\b(give|award|score)\b.{0,20}\b(100|full marks|top score|maximum)\b/i.test(
      answer,
    )
  ) {
    flags.push('instructions-to-grader');
  }
  return flags;
}

function findStructure(answer: string): AnswerSignals['structure'] {
  return { hasNumbers: /\d/.test(answer), starParts: starPartsOf(answer) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
