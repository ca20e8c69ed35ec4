// One definition of "the same question", used wherever two questions must not both be asked: a
// question the LLM just wrote against the bank and this person's history, and the questions one
// interview plan puts together. Pure: the engines' sentence vectors are passed in.
import { cosineSimilarity } from '../engines/embeddings/embedder';
import { contentStems, cosine, termFrequencies } from '../engines/language/text';

/** What measured how alike two questions are. */
export type SimilarityKind = 'wording' | 'meaning';

/**
 * At or above these, two questions ask the same thing.
 *
 * wording (term-vector cosine over content stems): in the built-in bank, the pairs between 0.75
 * and 0.8 are nearly all one question with the role's name swapped ("Where do you want to grow
 * as a designer / as a data scientist over the next two years?"), and no real rewording found
 * so far falls below 0.75 and above the unrelated pairs (rewordings that share few words are
 * the sentence vectors' job).
 *
 * meaning (sentence-vector cosine): set for a sentence-transformer such as MiniLM, where
 * rewordings score ~0.9 and merely related questions ~0.3–0.7; the small test model rates
 * unrelated interview questions up to ~0.9, so only near-rewordings pass this bar with it.
 */
export const NEAR_DUPLICATE: Readonly<Record<SimilarityKind, number>> = {
  wording: 0.75,
  meaning: 0.93,
};

export function isNearDuplicate(kind: SimilarityKind, similarity: number): boolean {
  return similarity >= NEAR_DUPLICATE[kind];
}

/** How alike two question texts are by their words (0–1). */
export function wordingSimilarity(a: string, b: string): number {
  return cosine(termFrequencies(contentStems(a)), termFrequencies(contentStems(b)));
}

/** Whether two question texts ask the same thing in nearly the same words. */
export function nearDuplicateWording(a: string, b: string): boolean {
  return isNearDuplicate('wording', wordingSimilarity(a, b));
}

export interface NearDuplicate {
  /** Where in the list given the match stands. */
  readonly index: number;
  readonly similarity: number;
}

/** The most alike of `others` by wording when it is a near-duplicate of `question`, else null. */
export function closestByWording(
  question: string,
  others: readonly string[],
): NearDuplicate | null {
  return closest(
    'wording',
    others.map((other) => wordingSimilarity(question, other)),
  );
}

/** The most alike of `others` by sentence vector when it is a near-duplicate, else null. */
export function closestByMeaning(
  question: Float32Array,
  others: readonly Float32Array[],
): NearDuplicate | null {
  return closest(
    'meaning',
    others.map((other) => cosineSimilarity(question, other)),
  );
}

/** The first highest similarity that counts as a near-duplicate. */
function closest(kind: SimilarityKind, similarities: readonly number[]): NearDuplicate | null {
  let best: NearDuplicate | null = null;
  similarities.forEach((similarity, index) => {
    if (isNearDuplicate(kind, similarity) && (!best || similarity > best.similarity))
      best = { index, similarity };
  });
  return best;
}
