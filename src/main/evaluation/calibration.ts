import type { Embedder } from '../nlp/embedder';
import { cosineSimilarity } from '../nlp/embedder';
import { seededRandom } from '../core/random';

/**
 * The typical similarity of two unrelated answers under a model: ideal answers of questions from
 * different roles in the built-in bank, 120 fixed pairs. Sentence-embedding models differ a lot
 * here (averaged word vectors sit high, trained encoders lower), so semantic relevance is measured
 * from this floor. It uses the bank only — never anyone's grades.
 */
export async function semanticBaseline(
  embedder: Embedder,
  answers: readonly { roleId: string; idealAnswer: string }[],
  pairs = 120,
): Promise<number> {
  const random = seededRandom(7);
  const chosen: [string, string][] = [];
  for (let tries = 0; chosen.length < pairs && tries < pairs * 20; tries++) {
    const a = answers[Math.floor(random() * answers.length)];
    const b = answers[Math.floor(random() * answers.length)];
    if (a && b && a.roleId !== b.roleId) chosen.push([a.idealAnswer, b.idealAnswer]);
  }
  if (chosen.length === 0) return 0.3;
  const vectors = await embedder.embed(chosen.flat());
  let sum = 0;
  for (let i = 0; i < chosen.length; i++) {
    const a = vectors[2 * i];
    const b = vectors[2 * i + 1];
    if (a && b) sum += cosineSimilarity(a, b);
  }
  return Math.round((sum / chosen.length) * 1000) / 1000;
}
