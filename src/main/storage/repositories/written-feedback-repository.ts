import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** The text of one written-feedback row: an answer's, or (answer null) the session summary's. */
export interface WrittenFeedbackText {
  readonly text: string;
  readonly recommendations: readonly string[];
  readonly engine: string;
  readonly now: string;
}

/** The row of an answer, or of the summary when `answerId` is null. */
function forAnswer(answerId: string | null) {
  return (eb: ExpressionBuilder<DatabaseSchema, 'written_feedback'>) =>
    answerId === null ? eb('answer_id', 'is', null) : eb('answer_id', '=', answerId);
}

/** The LLM's written feedback on a session (written_feedback). The only code that reads or writes these tables. */
export class WrittenFeedbackRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /**
   * Stores the template text of an answer (or the summary), replacing whatever was there: the
   * template is also the text shown until a phrasing replaces it. `newId` names a new row.
   */
  async saveTemplate(
    sessionId: string,
    answerId: string | null,
    feedback: WrittenFeedbackText,
    newId: () => string,
  ): Promise<void> {
    const existing = await this.db
      .selectFrom('written_feedback')
      .select('id')
      .where('session_id', '=', sessionId)
      .where(forAnswer(answerId))
      .executeTakeFirst();
    const values = {
      text: feedback.text,
      template_text: feedback.text,
      recommendations: JSON.stringify(feedback.recommendations),
      improved_answer: null,
      engine: feedback.engine,
      fallback_reason: null,
      updated_at: feedback.now,
    };
    if (existing)
      await this.db
        .updateTable('written_feedback')
        .set(values)
        .where('id', '=', existing.id)
        .execute();
    else
      await this.db
        .insertInto('written_feedback')
        .values({
          id: newId(),
          session_id: sessionId,
          answer_id: answerId,
          created_at: feedback.now,
          ...values,
        })
        .execute();
  }

  /** Why the template stays (the LLM's phrasing was not used). */
  async setFallbackReason(
    sessionId: string,
    answerId: string | null,
    reason: string,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('written_feedback')
      .set({ fallback_reason: reason, updated_at: now })
      .where('session_id', '=', sessionId)
      .where(forAnswer(answerId))
      .execute();
  }

  /** Replaces the template with the LLM's checked phrasing (and its improved answer, if any). */
  async savePhrasing(
    sessionId: string,
    answerId: string | null,
    phrasing: { text: string; improvedAnswer?: string | null; engine: string; now: string },
  ): Promise<void> {
    await this.db
      .updateTable('written_feedback')
      .set({
        text: phrasing.text,
        ...(phrasing.improvedAnswer !== undefined && { improved_answer: phrasing.improvedAnswer }),
        engine: phrasing.engine,
        fallback_reason: null,
        updated_at: phrasing.now,
      })
      .where('session_id', '=', sessionId)
      .where(forAnswer(answerId))
      .execute();
  }

  /** The session's rows, the summary's and each answer's (with its position), in answer order. */
  async ofSession(sessionId: string) {
    return this.db
      .selectFrom('written_feedback as w')
      .leftJoin('answers as a', 'a.id', 'w.answer_id')
      .select([
        'w.answer_id',
        'a.position',
        'w.text',
        'w.template_text',
        'w.recommendations',
        'w.improved_answer',
        'w.engine',
        'w.fallback_reason',
      ])
      .where('w.session_id', '=', sessionId)
      .orderBy('a.position')
      .execute();
  }
}
