import type { QuestionType } from '../../shared/contract';
import { isJudgedByParts } from './answer-parts';
import { words } from '../engines/language/text';

/**
 * Runs of this many words or more that the answer shares, in order, with the sample answer are
 * taken as copied: people who say the same thing in their own words rarely match eight words in a
 * row, while a pasted or memorised sample does so for whole sentences.
 */
export const COPIED_RUN_WORDS = 8;

export interface CopiedSample {
  /** The answer without the copied runs: what the candidate said in their own words. */
  readonly ownWords: string;
  /** Words of the answer inside copied runs. */
  readonly copiedWords: number;
  /** Share of the answer's words that were copied (0–1). */
  readonly copiedShare: number;
}

/**
 * Finds where an answer to a behavioural, situational or motivation question repeats the sample
 * answer word for word. There the sample is another person's story, so copying it must not raise
 * content: content is measured on `ownWords`, and the share is shown to the candidate. Fact
 * questions are left alone: a definition said in the reference's words is still right.
 */
export function findCopiedSample(type: QuestionType, answer: string, sample: string): CopiedSample {
  if (!isJudgedByParts(type)) return { ownWords: answer, copiedWords: 0, copiedShare: 0 };
  const said = words(answer);
  const reference = words(sample);
  if (said.length < COPIED_RUN_WORDS || reference.length < COPIED_RUN_WORDS)
    return { ownWords: answer, copiedWords: 0, copiedShare: 0 };
  const key = (list: readonly string[], i: number) => list.slice(i, i + COPIED_RUN_WORDS).join(' ');
  const sampleRuns = new Set<string>();
  for (let i = 0; i + COPIED_RUN_WORDS <= reference.length; i++) sampleRuns.add(key(reference, i));
  const copied = new Array<boolean>(said.length).fill(false);
  for (let i = 0; i + COPIED_RUN_WORDS <= said.length; i++) {
    if (sampleRuns.has(key(said, i))) copied.fill(true, i, i + COPIED_RUN_WORDS);
  }
  const copiedWords = copied.filter(Boolean).length;
  if (copiedWords === 0) return { ownWords: answer, copiedWords: 0, copiedShare: 0 };
  return {
    ownWords: said.filter((_, i) => !copied[i]).join(' '),
    copiedWords,
    copiedShare: Math.round((copiedWords / said.length) * 1000) / 1000,
  };
}
