// Is a question the LLM just wrote one the candidate already has? Checked against this person's
// history first (so the reason can say "you were asked this"), then the whole bank. With an
// embedding model both checks compare meaning (the bank through the persisted hnswlib index);
// without one, and as a second net for near-copies, the wording decides (term-vector cosine).
import { cosineSimilarity } from '../../engines/embeddings/embedder';
import type { ServiceContext } from '../service-context';
import type { QuestionSimilarity } from '../bank/question-similarity';
import { contentStems, cosine, termFrequencies } from '../../engines/language/text';

/**
 * Sentence vectors this close ask the same question. Set for a sentence-transformer such as
 * MiniLM, where rewordings score ~0.9 and merely related questions ~0.3–0.7; the small test model
 * rates unrelated interview questions up to ~0.9, so only near-rewordings pass this bar with it.
 */
export const EMBEDDING_DUPLICATE = 0.93;

/** Above this term-vector cosine, two questions ask the same thing. */
export const DUPLICATE_SIMILARITY = 0.8;

export function wordingSimilarity(a: string, b: string): number {
  return cosine(termFrequencies(contentStems(a)), termFrequencies(contentStems(b)));
}

/** The most similar of `others` when it is a duplicate of `question` by wording, else null. */
export function findDuplicate(question: string, others: readonly string[]): string | null {
  let best: { text: string; s: number } | null = null;
  for (const other of others) {
    const s = wordingSimilarity(question, other);
    if (s >= DUPLICATE_SIMILARITY && (!best || s > best.s)) best = { text: other, s };
  }
  return best?.text ?? null;
}

/** History questions compared by meaning: the most recent, enough for a year of practice. */
const MAX_HISTORY = 400;

export interface DuplicateMatch {
  /** The known question the new one repeats. */
  readonly text: string;
  readonly similarity: number;
  /** The embedding model's id, or "lexical". */
  readonly engine: string;
  readonly against: 'history' | 'bank';
}

export type DuplicateCheck = (
  question: string,
  history: readonly string[],
) => Promise<DuplicateMatch | null>;

/** The wording-only check, over the given bank texts and the history. */
export function lexicalDuplicate(
  question: string,
  history: readonly string[],
  bank: readonly string[],
): DuplicateMatch | null {
  for (const [against, texts] of [
    ['history', history],
    ['bank', bank],
  ] as const) {
    const text = findDuplicate(question, texts);
    if (text !== null)
      return {
        text,
        similarity: round(wordingSimilarity(question, text)),
        engine: 'lexical',
        against,
      };
  }
  return null;
}

/** The check the app uses: by meaning when an embedding model is installed, else by wording. */
export function duplicateCheck(ctx: ServiceContext, similar: QuestionSimilarity): DuplicateCheck {
  return async (question, history) => {
    const embedder = (await ctx.evaluator.get()).embedder;
    if (embedder) {
      const recent = [...new Set(history)].slice(-MAX_HISTORY);
      const [vector, ...known] = await embedder.embed([question, ...recent]);
      let best: DuplicateMatch | null = null;
      known.forEach((v, i) => {
        const s = vector ? cosineSimilarity(vector, v) : 0;
        if (s >= EMBEDDING_DUPLICATE && (!best || s > best.similarity))
          best = {
            text: recent[i]!,
            similarity: round(s),
            engine: embedder.modelId,
            against: 'history',
          };
      });
      if (best) return best;
      const nearest = await similar.nearestToText(question, 1);
      const top = nearest?.items[0];
      if (nearest && top && top.similarity >= EMBEDDING_DUPLICATE)
        return {
          text: top.content,
          similarity: top.similarity,
          engine: nearest.engine,
          against: 'bank',
        };
    }
    // Questions written for other people's interviews are not the bank.
    const bank = await ctx.repos.bank.activeQuestions({ includeGenerated: false });
    return lexicalDuplicate(
      question,
      history,
      bank.map((b) => b.content),
    );
  };
}

/** How a duplicate is explained to the candidate. */
export function describeDuplicate(d: DuplicateMatch): string {
  const where = d.against === 'history' ? 'a question you were already asked' : 'a bank question';
  return `the model's question repeated ${where} ("${d.text.slice(0, 80)}", ${d.engine} similarity ${d.similarity})`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
