import type { Embedder } from '../engines/embeddings/embedder';
import { seededRandom } from '../platform/random';

/** Bank answers whose words form the pool; answers whose chance level is averaged; draws each. */
const POOL_ANSWERS = 150;
const SAMPLE_ANSWERS = 20;
const DRAWS = 2;
/** Answers longer than this (in content words) get the chance level of this length. */
export const MAX_CHANCE_WORDS = 400;

/**
 * What an answer with nothing to do with the question still aligns with an ideal answer: every
 * word has some nearest neighbour, and a longer answer offers more of them. The level is measured
 * once per model, for every answer length up to MAX_CHANCE_WORDS, by aligning ideal answers from
 * the built-in bank with words drawn (fixed seed) from other bank answers; semantic coverage counts
 * only what lies above it. One curve for all questions keeps scoring cheap; it uses the bank only —
 * never anyone's grades.
 */
export interface ChanceAlignment {
  /** Mean alignment recall of an ideal answer with `wordCount` unrelated content words. */
  recall(wordCount: number): number;
}

export async function chanceAlignment(
  embedder: Embedder,
  answers: readonly { idealAnswer: string }[],
): Promise<ChanceAlignment> {
  const random = seededRandom(7);
  const spaced = <T>(items: readonly T[], count: number, offset: number): T[] => {
    const step = Math.max(1, Math.floor(items.length / count));
    return items.filter((_, i) => i % step === offset % step).slice(0, count);
  };
  // Words remember their answer, so an ideal answer is never aligned with its own words.
  const pool: { text: string; vector: Float32Array }[] = [];
  for (const a of spaced(answers, POOL_ANSWERS, 0))
    for (const vector of (await embedder.embedWords(a.idealAnswer)).vectors)
      pool.push({ text: a.idealAnswer, vector });
  const curve = new Float64Array(MAX_CHANCE_WORDS + 1);
  let samples = 0;
  if (pool.length > 0) {
    for (const a of spaced(answers, SAMPLE_ANSWERS, 1)) {
      const ideal = (await embedder.embedWords(a.idealAnswer)).vectors;
      const others = pool.filter((p) => p.text !== a.idealAnswer).map((p) => p.vector);
      if (ideal.length === 0 || others.length === 0) continue;
      for (let d = 0; d < DRAWS; d++) {
        const draw = Array.from(
          { length: MAX_CHANCE_WORDS },
          () => others[Math.floor(random() * others.length)]!,
        );
        // best[w] = best match of ideal word w among the first n drawn words, as n grows.
        const best = new Float64Array(ideal.length);
        for (let n = 1; n <= MAX_CHANCE_WORDS; n++) {
          let sum = 0;
          for (let w = 0; w < ideal.length; w++) {
            best[w] = Math.max(best[w]!, dot(ideal[w]!, draw[n - 1]!));
            sum += best[w]!;
          }
          curve[n]! += sum / ideal.length;
        }
        samples++;
      }
    }
  }
  if (samples > 0) for (let n = 1; n <= MAX_CHANCE_WORDS; n++) curve[n]! /= samples;
  return {
    recall: (wordCount) =>
      samples === 0 ? 0 : curve[Math.max(0, Math.min(MAX_CHANCE_WORDS, Math.round(wordCount)))]!,
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
