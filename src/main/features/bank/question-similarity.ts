// "Similar questions" and near-duplicate detection over the bank. With an embedding model the
// questions' sentence vectors live in a persisted hnswlib index (rebuilt when the model changes,
// kept in step with the bank by content hash); without one, term-vector cosine over the same
// questions answers instead, so the feature works with no model installed.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Question } from '../../../shared/contract';
import type { Embedder } from '../../engines/embeddings/embedder';
import { VectorIndex } from '../../engines/embeddings/vector-index';
import { contentStems, cosine, termFrequencies } from '../../engines/language/text';
import type { ServiceContext } from '../service-context';
import { toQuestion } from './bank-service';
import { notFound } from '../../platform/errors';

export interface SimilarQuestions {
  /** What measured the similarity: the embedding model's id, or "lexical". */
  readonly engine: string;
  readonly items: { question: Question; similarity: number }[];
}

export interface AnsweredSimilar {
  readonly engine: string;
  readonly items: {
    questionId: string;
    question: string;
    similarity: number;
    sessionId: string;
    answeredAt: string;
    overall: number | null;
  }[];
}

/** By wording alone, questions this alike ask about the same thing. */
const CLOSE_BY_WORDING = 0.3;

export class QuestionSimilarity {
  private index: Promise<{ index: VectorIndex; embedder: Embedder }> | null = null;
  private indexModel: string | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly indexDir: string,
  ) {}

  /**
   * Questions like this one. Generated questions (written for someone's interview) are left out
   * unless asked for: they are not part of the bank, but an answer to one is still practice.
   */
  async similar(
    questionId: string,
    limit: number,
    options: { readonly includeGenerated?: boolean } = {},
  ): Promise<SimilarQuestions> {
    const rows = await this.ctx.repos.bank.activeQuestions({ includeGenerated: true });
    const target = rows.find((r) => r.id === questionId);
    if (!target) {
      if (!(await this.ctx.repos.bank.questionById(questionId)))
        throw notFound('Question', questionId);
      return { engine: 'lexical', items: [] }; // retired: nothing to compare it with any more
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const shown = (id: string): boolean =>
      id !== questionId && (options.includeGenerated || byId.get(id)?.source !== 'generated');
    const embedder = (await this.ctx.evaluator.get()).embedder;
    if (embedder) {
      const index = await this.syncedIndex(embedder, rows);
      const [vector] = await embedder.embed([target.content]);
      const hits = vector ? index.search(vector, limit + 1, (key) => shown(idOf(key))) : [];
      return {
        engine: embedder.modelId,
        items: hits
          .flatMap((h) => {
            const row = byId.get(idOf(h.key));
            return row ? [{ question: toQuestion(row), similarity: round(h.similarity) }] : [];
          })
          .slice(0, limit),
      };
    }
    const targetTerms = termFrequencies(contentStems(target.content));
    return {
      engine: 'lexical',
      items: rows
        .filter((r) => shown(r.id))
        .map((r) => ({
          row: r,
          similarity: cosine(targetTerms, termFrequencies(contentStems(r.content))),
        }))
        .filter((x) => x.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity || a.row.id.localeCompare(b.row.id))
        .slice(0, limit)
        .map((x) => ({ question: toQuestion(x.row), similarity: round(x.similarity) })),
    };
  }

  /**
   * The latest scored answer this person gave to each of the questions closest to this one,
   * closest first. "Close" is the top of the similar list and, by wording, at least
   * CLOSE_BY_WORDING alike: a loose match would send the candidate comparing unrelated answers.
   */
  async answeredSimilar(input: {
    profileId: string;
    questionId: string;
    excludeSessionId?: string | undefined;
    limit: number;
  }): Promise<AnsweredSimilar> {
    const similar = await this.similar(input.questionId, 10, { includeGenerated: true });
    const close = similar.items.filter(
      (i) => similar.engine !== 'lexical' || i.similarity >= CLOSE_BY_WORDING,
    );
    if (close.length === 0) return { engine: similar.engine, items: [] };
    const rows = await this.ctx.repos.answers.answeredTo({
      profileId: input.profileId,
      questionIds: close.map((i) => i.question.id),
      excludeSessionId: input.excludeSessionId,
    });
    const items: AnsweredSimilar['items'] = [];
    for (const { question, similarity } of close) {
      const latest = rows.find((r) => r.question_id === question.id);
      if (!latest) continue;
      items.push({
        questionId: question.id,
        question: question.content,
        similarity,
        sessionId: latest.session_id,
        answeredAt: latest.answered_at,
        overall: latest.overall_score ?? null,
      });
      if (items.length >= input.limit) break;
    }
    return { engine: similar.engine, items };
  }

  /**
   * The active bank questions closest in meaning to a text that is not in the bank (a question
   * the LLM just wrote), by the embedding index; null when no embedding model is installed.
   * Questions generated for other interviews are indexed but not bank questions: left out.
   */
  async nearestToText(
    text: string,
    limit: number,
  ): Promise<{
    engine: string;
    items: { id: string; content: string; similarity: number }[];
  } | null> {
    const embedder = (await this.ctx.evaluator.get()).embedder;
    if (!embedder) return null;
    const rows = await this.ctx.repos.bank.activeQuestions({ includeGenerated: true });
    const byId = new Map(
      rows.filter((r) => r.source !== 'generated').map((r) => [r.id, r.content]),
    );
    const index = await this.syncedIndex(embedder, rows);
    const [vector] = await embedder.embed([text]);
    const hits = vector ? index.search(vector, limit, (key) => byId.has(idOf(key))) : [];
    return {
      engine: embedder.modelId,
      items: hits.flatMap((h) => {
        const content = byId.get(idOf(h.key));
        return content === undefined
          ? []
          : [{ id: idOf(h.key), content, similarity: round(h.similarity) }];
      }),
    };
  }

  /** The index, opened once per model, with every active question in it under its current text. */
  private async syncedIndex(
    embedder: Embedder,
    rows: readonly { id: string; content: string }[],
  ): Promise<VectorIndex> {
    if (!this.index || this.indexModel !== embedder.modelId) {
      this.indexModel = embedder.modelId;
      this.index = VectorIndex.open({
        file: path.join(this.indexDir, 'questions.hnsw'),
        dimensions: embedder.dimensions,
        modelId: embedder.modelId,
        capacity: Math.max(1024, rows.length * 2),
      }).then((index) => ({ index, embedder }));
    }
    const { index } = await this.index;
    const wanted = new Map(rows.map((r) => [keyOf(r.id, r.content), r.content]));
    let changed = false;
    for (const key of index.keys()) {
      if (!wanted.has(key)) {
        index.remove(key);
        changed = true;
      }
    }
    const missing = [...wanted].filter(([key]) => !index.has(key));
    for (let i = 0; i < missing.length; i += 64) {
      const batch = missing.slice(i, i + 64);
      const vectors = await embedder.embed(batch.map(([, content]) => content));
      batch.forEach(([key], j) => index.upsert(key, vectors[j]!));
      changed = true;
    }
    // The index is a cache of the bank: if it cannot be written (full disk), it still answers
    // from memory and is rebuilt on the next start.
    if (changed) await index.save().catch(() => undefined);
    return index;
  }
}

/** Index keys carry a hash of the text, so an edited question is re-embedded. */
function keyOf(id: string, content: string): string {
  return `${id}#${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}

function idOf(key: string): string {
  return key.slice(0, key.lastIndexOf('#'));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
