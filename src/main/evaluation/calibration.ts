import type { Embedder, WordVectors } from '../nlp/embedder';
import { seededRandom } from '../core/random';
import { alignWords, type AlignmentOptions } from '../nlp/word-alignment';

/** How many bank answers lend their words to the pool, how many draws, how long each. */
const POOL_ANSWERS = 150;
const DRAWS = 5;
const DRAW_WORDS = 400;

/**
 * What an answer with nothing to do with the question would still align with an ideal answer:
 * every word has some nearest neighbour, and a longer answer offers more of them. So the chance
 * level is measured for the answer's own length, by aligning the ideal answer with the same number
 * of words drawn (fixed seed) from ideal answers across the built-in bank. Semantic coverage
 * counts only what lies above it. It uses the bank only — never anyone's grades.
 */
export interface ChanceAlignment {
  /** Mean alignment recall of `ideal` with `wordCount` unrelated words. */
  recall(ideal: WordVectors, wordCount: number, options?: AlignmentOptions): number;
}

export async function chanceAlignment(
  embedder: Embedder,
  answers: readonly { idealAnswer: string }[],
): Promise<ChanceAlignment> {
  const random = seededRandom(7);
  const pool: Float32Array[] = [];
  const step = Math.max(1, Math.floor(answers.length / POOL_ANSWERS));
  for (let i = 0; i < answers.length && pool.length < DRAWS * DRAW_WORDS; i += step)
    pool.push(...(await embedder.embedWords(answers[i]!.idealAnswer)).vectors);
  const draws: WordVectors[] = pool.length
    ? Array.from({ length: DRAWS }, () => {
        const vectors = Array.from(
          { length: DRAW_WORDS },
          () => pool[Math.floor(random() * pool.length)]!,
        );
        return { words: vectors.map(() => ''), vectors, sentence: null };
      })
    : [];
  return {
    recall(ideal, wordCount, options) {
      if (draws.length === 0 || wordCount <= 0) return 0;
      const n = Math.min(wordCount, DRAW_WORDS);
      let sum = 0;
      for (const draw of draws) {
        const sample = {
          ...draw,
          vectors: draw.vectors.slice(0, n),
          words: draw.words.slice(0, n),
        };
        sum += alignWords(ideal, sample, options).recall;
      }
      return sum / draws.length;
    },
  };
}
