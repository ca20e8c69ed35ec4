// Is a question the LLM just wrote one the candidate already has? Checked against this person's
// history first (so the reason can say "you were asked this"), then the whole bank. With an
// embedding model both checks compare meaning (the bank through the persisted hnswlib index);
// without one, and as a second net for near-copies, the wording decides (term-vector cosine).
// What counts as the same question is assessment/near-duplicate.ts.
import type { ServiceContext } from '../service-context';
import type { QuestionSimilarity } from '../bank/question-similarity';
import {
  closestByMeaning,
  closestByWording,
  isNearDuplicate,
} from '../../assessment/near-duplicate';

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
    const match = closestByWording(question, texts);
    if (match)
      return {
        text: texts[match.index]!,
        similarity: round(match.similarity),
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
      const match = vector ? closestByMeaning(vector, known) : null;
      if (match)
        return {
          text: recent[match.index]!,
          similarity: round(match.similarity),
          engine: embedder.modelId,
          against: 'history',
        };
      const nearest = await similar.nearestToText(question, 1);
      const top = nearest?.items[0];
      if (nearest && top && isNearDuplicate('meaning', top.similarity))
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
