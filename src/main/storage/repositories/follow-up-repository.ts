import type { Kysely } from 'kysely';
import type { Scores } from '../../../shared/contract';
import type { DatabaseSchema, FollowUpQuestionsTable } from '../schema';
import { QUESTION_SCORING_COLUMNS, scoreColumns } from './answer-repository';

/** The evaluation of a follow-up answer, as scoring stores it. */
export interface FollowUpEvaluation {
  /** The reply's own scores. */
  readonly scores: Scores;
  /** Content of the parent answer and the follow-up answers up to this one, read together. */
  readonly combinedContent: number;
  /** Whether the reply supplied what the follow-up asked for, and why. */
  readonly gapClosed: boolean;
  readonly gapNote: string;
  readonly engine: string;
  /** What the evaluation found, stored as JSON. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** Follow-up questions asked and their evaluations (follow_up_questions, follow_up_evaluations). The only code that reads or writes these tables. */
export class FollowUpRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /** The follow-up waiting for an answer, if any (the newest, should there be several). */
  async pending(sessionId: string): Promise<FollowUpQuestionsTable | undefined> {
    return this.db
      .selectFrom('follow_up_questions')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async insert(followUp: FollowUpQuestionsTable): Promise<void> {
    await this.db.insertInto('follow_up_questions').values(followUp).execute();
  }

  /** The parent answer's question, as the follow-up rules read it (with its bank follow-ups). */
  async questionOfAnswer(answerId: string) {
    return this.db
      .selectFrom('answers as a')
      .innerJoin('questions as q', 'q.id', 'a.question_id')
      .select([...QUESTION_SCORING_COLUMNS, 'q.follow_ups'])
      .where('a.id', '=', answerId)
      .executeTakeFirstOrThrow();
  }

  /** The bank wordings already asked after this question in this session. */
  async bankWordingsAsked(sessionId: string, questionId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('follow_up_questions')
      .select('bank_content')
      .where('session_id', '=', sessionId)
      .where('question_id', '=', questionId)
      .execute();
    return rows.map((r) => r.bank_content);
  }

  /** Stores the answer to (or skip of) the follow-up; the draft is cleared. */
  async recordAnswer(
    followUpId: string,
    answer: { status: 'answered' | 'skipped'; text: string; at: string },
  ): Promise<void> {
    await this.db
      .updateTable('follow_up_questions')
      .set({
        status: answer.status,
        answer_text: answer.text,
        draft_text: '',
        answered_at: answer.at,
        updated_at: answer.at,
      })
      .where('id', '=', followUpId)
      .execute();
  }

  async saveDraft(followUpId: string, text: string, savedAt: string): Promise<void> {
    await this.db
      .updateTable('follow_up_questions')
      .set({ draft_text: text, updated_at: savedAt })
      .where('id', '=', followUpId)
      .execute();
  }

  /** Marks the session's unanswered follow-ups dropped. */
  async dropPending(sessionId: string, now: string): Promise<void> {
    await this.db
      .updateTable('follow_up_questions')
      .set({ status: 'dropped', updated_at: now })
      .where('session_id', '=', sessionId)
      .where('status', '=', 'pending')
      .execute();
  }

  /** What rewording a follow-up reads: the follow-up, its question and the parent answer. */
  async rewordingInput(followUpId: string) {
    return this.db
      .selectFrom('follow_up_questions as f')
      .innerJoin('questions as q', 'q.id', 'f.question_id')
      .innerJoin('answers as a', 'a.id', 'f.parent_answer_id')
      .select([
        'f.session_id',
        'f.status',
        'f.trigger',
        'f.gap_detail',
        'f.bank_content',
        'f.depth',
        'f.parent_answer_id',
        ...QUESTION_SCORING_COLUMNS,
        'a.transcription',
      ])
      .where('f.id', '=', followUpId)
      .executeTakeFirst();
  }

  /** The deepest follow-up of the answer above `depth`: what was asked and answered just before. */
  async previousOf(parentAnswerId: string, depth: number) {
    return this.db
      .selectFrom('follow_up_questions')
      .select(['content', 'answer_text'])
      .where('parent_answer_id', '=', parentAnswerId)
      .where('depth', '<', depth)
      .orderBy('depth', 'desc')
      .executeTakeFirst();
  }

  /** Why the LLM's wording was not used (null: it was). */
  async setFallbackReason(followUpId: string, reason: string, now: string): Promise<void> {
    await this.db
      .updateTable('follow_up_questions')
      .set({ fallback_reason: reason, updated_at: now })
      .where('id', '=', followUpId)
      .execute();
  }

  /**
   * Replaces the wording only while the follow-up is pending and nothing is typed in reply.
   * Returns whether it did.
   */
  async rewordIfUntouched(
    followUpId: string,
    wording: { content: string; engine: string; now: string },
  ): Promise<boolean> {
    const updated = await this.db
      .updateTable('follow_up_questions')
      .set({
        content: wording.content,
        engine: wording.engine,
        fallback_reason: null,
        updated_at: wording.now,
      })
      .where('id', '=', followUpId)
      .where('status', '=', 'pending')
      .where('draft_text', '=', '')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /** What scoring a follow-up answer reads: it, the parent answer, the question, the owner. */
  async scoringInput(followUpId: string) {
    return this.db
      .selectFrom('follow_up_questions as f')
      .innerJoin('answers as a', 'a.id', 'f.parent_answer_id')
      .innerJoin('questions as q', 'q.id', 'f.question_id')
      .innerJoin('interview_sessions as s', 's.id', 'f.session_id')
      .select([
        's.user_id',
        'f.session_id',
        'f.parent_answer_id',
        'f.depth',
        'f.trigger',
        'f.gap_detail',
        'f.status',
        'f.answer_text',
        'a.transcription',
        ...QUESTION_SCORING_COLUMNS,
      ])
      .where('f.id', '=', followUpId)
      .executeTakeFirst();
  }

  /** The answers to the answer's follow-ups above `depth`, shallowest first. */
  async earlierAnswers(parentAnswerId: string, depth: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('follow_up_questions')
      .select('answer_text')
      .where('parent_answer_id', '=', parentAnswerId)
      .where('depth', '<', depth)
      .where('status', '=', 'answered')
      .orderBy('depth')
      .execute();
    return rows.map((r) => r.answer_text);
  }

  /** Stores the follow-up answer's evaluation, replacing an earlier one. */
  async saveEvaluation(followUpId: string, evaluation: FollowUpEvaluation): Promise<void> {
    const values = {
      ...scoreColumns(evaluation.scores),
      combined_content_score: evaluation.combinedContent,
      gap_closed: evaluation.gapClosed ? 1 : 0,
      gap_note: evaluation.gapNote,
      engine: evaluation.engine,
      details: JSON.stringify(evaluation.details),
      created_at: evaluation.createdAt,
    };
    await this.db
      .insertInto('follow_up_evaluations')
      .values({ follow_up_id: followUpId, ...values })
      .onConflict((oc) => oc.column('follow_up_id').doUpdateSet(values))
      .execute();
  }

  /** The best content score of the answer read with its follow-up answers (null: none scored). */
  async bestCombinedContent(parentAnswerId: string): Promise<number | null> {
    const best = await this.db
      .selectFrom('follow_up_evaluations as e')
      .innerJoin('follow_up_questions as f', 'f.id', 'e.follow_up_id')
      .select(({ fn }) => fn.max('e.combined_content_score').as('content'))
      .where('f.parent_answer_id', '=', parentAnswerId)
      .executeTakeFirst();
    return best?.content ?? null;
  }

  /** The session's follow-ups with their evaluations, by parent answer then depth. */
  async resultRowsOfSession(sessionId: string) {
    return this.db
      .selectFrom('follow_up_questions as f')
      .leftJoin('follow_up_evaluations as e', 'e.follow_up_id', 'f.id')
      .select([
        'f.id',
        'f.parent_answer_id',
        'f.depth',
        'f.content',
        'f.trigger',
        'f.status',
        'f.answer_text',
        'e.content_score',
        'e.communication_score',
        'e.technical_score',
        'e.relevance_score',
        'e.overall_score',
        'e.combined_content_score',
        'e.gap_closed',
        'e.gap_note',
        'e.engine',
        'e.details',
      ])
      .where('f.session_id', '=', sessionId)
      .orderBy('f.parent_answer_id')
      .orderBy('f.depth')
      .execute();
  }

  /** The session's follow-ups with the position of the answer they follow, in interview order. */
  async withPositionsOfSession(sessionId: string) {
    return this.db
      .selectFrom('follow_up_questions as f')
      .innerJoin('answers as a', 'a.id', 'f.parent_answer_id')
      .selectAll('f')
      .select('a.position')
      .where('f.session_id', '=', sessionId)
      .orderBy('a.position')
      .orderBy('f.depth')
      .execute();
  }
}
