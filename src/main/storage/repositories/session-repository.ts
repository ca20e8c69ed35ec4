import type { ExpressionBuilder, Kysely } from 'kysely';
import { notFound } from '../../platform/errors';
import type { DatabaseSchema, InterviewSessionsTable } from '../schema';
import { inTransaction } from '../transaction';
import { ProgressRepository } from './progress-repository';

/** Which session, and whose: another profile's session reads as "not found". */
export type SessionRef = { profileId: string; sessionId: string };

/** A session row with the bank question at its current position (null once all were asked). */
export type SessionRow = InterviewSessionsTable & { current_question_id: string | null };

/** What the interview screen's state is read from: the session, its role and answers so far. */
export type SessionStateRow = SessionRow & { role_title: string; answered_count: number };

/** The columns a step of the interview changes (the caller sets updated_at). */
export type SessionChanges = Partial<
  Pick<
    InterviewSessionsTable,
    | 'status'
    | 'started_at'
    | 'question_started_at'
    | 'completed_at'
    | 'current_position'
    | 'generation_job_id'
    | 'updated_at'
  >
>;

/** The history list's filter, as stored values (`createdBefore` is an exclusive bound). */
export interface SessionHistoryFilter {
  readonly roleId?: string | undefined;
  readonly status?: string | undefined;
  readonly createdFrom?: string | undefined;
  readonly createdBefore?: string | undefined;
  readonly minScore?: number | undefined;
  readonly maxScore?: number | undefined;
}

export interface SessionHistoryRow {
  readonly id: string;
  readonly status: string;
  readonly job_role_id: string;
  readonly title: string;
  readonly difficulty_level: string;
  readonly total_questions: number;
  readonly overall_score: number | null;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly answered: number;
}

/** How many answers (or skips) the session `s` of the surrounding query has. */
function answerCount(eb: ExpressionBuilder<DatabaseSchema & { s: InterviewSessionsTable }, 's'>) {
  return eb
    .selectFrom('answers as a')
    .select(eb.fn.countAll<number>().as('n'))
    .whereRef('a.session_id', '=', 's.id');
}

/** Interview sessions and the questions planned for them (interview_sessions, session_questions). The only code that reads or writes these tables. */
export class SessionRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /** The session, only if it belongs to the profile: another profile's session is "not found". */
  async owned(ref: SessionRef): Promise<SessionRow> {
    const row = await this.ownedQuery(ref).executeTakeFirst();
    if (!row) throw notFound('Interview', ref.sessionId);
    return row;
  }

  /** The owned session with its role's title and how many answers (or skips) it has. */
  async ownedWithProgress(ref: SessionRef): Promise<SessionStateRow> {
    const row = await this.ownedQuery(ref)
      .innerJoin('job_roles as r', 'r.id', 's.job_role_id')
      .select((eb) => ['r.title as role_title', answerCount(eb).as('answered_count')])
      .executeTakeFirst();
    if (!row) throw notFound('Interview', ref.sessionId);
    return { ...row, answered_count: Number(row.answered_count ?? 0) };
  }

  private ownedQuery(ref: SessionRef) {
    return this.db
      .selectFrom('interview_sessions as s')
      .leftJoin('session_questions as sq', (join) =>
        join.onRef('sq.session_id', '=', 's.id').onRef('sq.position', '=', 's.current_position'),
      )
      .selectAll('s')
      .select('sq.question_id as current_question_id')
      .where('s.id', '=', ref.sessionId)
      .where('s.user_id', '=', ref.profileId);
  }

  /** Whose session this is; undefined when there is no such session. */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('interview_sessions')
      .select('user_id')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return row?.user_id;
  }

  /** The newest session of the profile still pending or active. */
  async newestUnfinishedId(profileId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('interview_sessions')
      .select('id')
      .where('user_id', '=', profileId)
      .where('status', 'in', ['pending', 'active'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row?.id;
  }

  /** Every session of the profile, oldest first. */
  async idsOfProfile(profileId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('interview_sessions')
      .select('id')
      .where('user_id', '=', profileId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Stores a new session with its planned questions, in plan order. */
  async create(session: InterviewSessionsTable, questionIds: readonly string[]): Promise<void> {
    await this.db.insertInto('interview_sessions').values(session).execute();
    await this.db
      .insertInto('session_questions')
      .values(
        questionIds.map((questionId, position) => ({
          session_id: session.id,
          position,
          question_id: questionId,
          draft_text: '',
          draft_saved_at: null,
        })),
      )
      .execute();
  }

  async update(sessionId: string, changes: SessionChanges): Promise<void> {
    await this.db
      .updateTable('interview_sessions')
      .set(changes)
      .where('id', '=', sessionId)
      .execute();
  }

  /** The bank question planned at `position`, with the draft typed for it so far. */
  async plannedQuestion(sessionId: string, position: number) {
    return this.db
      .selectFrom('session_questions as sq')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .select([
        'q.id',
        'q.content',
        'q.type',
        'q.category',
        'q.time_limit_seconds',
        'q.generated_by',
        'sq.draft_text',
      ])
      .where('sq.session_id', '=', sessionId)
      .where('sq.position', '=', position)
      .executeTakeFirstOrThrow();
  }

  /** How many of the session's planned questions the LLM wrote. */
  async generatedQuestionCount(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('session_questions as sq')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('sq.session_id', '=', sessionId)
      .where('q.source', '=', 'generated')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Keeps the text typed so far for the question at `position` (null time: no draft). */
  async saveDraft(
    sessionId: string,
    position: number,
    text: string,
    savedAt: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('session_questions')
      .set({ draft_text: text, draft_saved_at: savedAt })
      .where('session_id', '=', sessionId)
      .where('position', '=', position)
      .execute();
  }

  async clearDraft(sessionId: string, position: number): Promise<void> {
    await this.saveDraft(sessionId, position, '', null);
  }

  /**
   * Stores a completed session's overall score once every answer is scored: the mean over the
   * questions the candidate was shown, a skipped question counting 0. Questions never reached
   * (the session ended early) are left out; the results screen says how many there were. The
   * session's progress summary follows, since dashboards and charts read it.
   *
   * Runs in its own transaction, so call it on the database's repositories, not a transaction's:
   * a scoring job and the end of the interview may refresh the same session at once, and the
   * summary's delete-then-insert must not interleave (the second insert would collide).
   */
  async refreshScore(sessionId: string): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      const session = await trx
        .selectFrom('interview_sessions')
        .select('status')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (session?.status !== 'completed') return;
      const rows = await trx
        .selectFrom('answers as a')
        .leftJoin('feedback as f', 'f.answer_id', 'a.id')
        .select(['a.status', 'f.overall_score'])
        .where('a.session_id', '=', sessionId)
        .execute();
      const pending = rows.some((r) => r.status === 'answered' && r.overall_score === null);
      if (pending) return;
      const overall =
        rows.length === 0
          ? null
          : Math.round(rows.reduce((sum, r) => sum + (r.overall_score ?? 0), 0) / rows.length);
      await trx
        .updateTable('interview_sessions')
        .set({ overall_score: overall })
        .where('id', '=', sessionId)
        .execute();
      await new ProgressRepository(trx).refreshSessionSummary(sessionId);
    });
  }

  /** One page of the profile's sessions, newest first, and how many match the filter in all. */
  async history(
    profileId: string,
    filter: SessionHistoryFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: SessionHistoryRow[] }> {
    // One filtered base query for the page and its total; every filter is scoped to the profile
    // and served by the (user_id, …, created_at) indexes of migrations 0001/0004.
    const base = this.db
      .selectFrom('interview_sessions as s')
      .where('s.user_id', '=', profileId)
      .$if(filter.roleId !== undefined, (q) => q.where('s.job_role_id', '=', filter.roleId ?? ''))
      .$if(filter.status !== undefined, (q) => q.where('s.status', '=', filter.status ?? ''))
      .$if(filter.createdFrom !== undefined, (q) =>
        q.where('s.created_at', '>=', filter.createdFrom ?? ''),
      )
      .$if(filter.createdBefore !== undefined, (q) =>
        q.where('s.created_at', '<', filter.createdBefore ?? ''),
      )
      .$if(filter.minScore !== undefined, (q) =>
        q.where('s.overall_score', '>=', filter.minScore ?? 0),
      )
      .$if(filter.maxScore !== undefined, (q) =>
        q.where('s.overall_score', '<=', filter.maxScore ?? 100),
      );
    const total = await base
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Page through the index first, then join roles and count answers for those rows only: a
    // deep page (offset 8,000) must not join every row it skips.
    const pageIds = base
      .select('s.id')
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit)
      .offset(offset);
    const rows = await this.db
      .selectFrom('interview_sessions as s')
      .innerJoin('job_roles as r', 'r.id', 's.job_role_id')
      .select((eb) => [
        's.id',
        's.status',
        's.job_role_id',
        'r.title',
        's.difficulty_level',
        's.total_questions',
        's.overall_score',
        's.created_at',
        's.completed_at',
        answerCount(eb).as('answered'),
      ])
      .where('s.id', 'in', pageIds)
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({ ...r, answered: Number(r.answered ?? 0) })),
    };
  }

  /** Deletes the session; the schema cascades to its questions, answers, feedback and summaries. */
  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom('interview_sessions').where('id', '=', sessionId).execute();
  }

  async setGeneration(
    sessionId: string,
    status: string,
    note: string | null,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('interview_sessions')
      .set({ generation_status: status, generation_note: note, updated_at: now })
      .where('id', '=', sessionId)
      .execute();
  }

  /** What appending a generated question to a session's plan depends on. */
  async planState(
    sessionId: string,
  ): Promise<
    | Pick<
        InterviewSessionsTable,
        | 'status'
        | 'current_position'
        | 'total_questions'
        | 'requested_questions'
        | 'job_role_id'
        | 'difficulty_level'
      >
    | undefined
  > {
    return this.db
      .selectFrom('interview_sessions')
      .select([
        'status',
        'current_position',
        'total_questions',
        'requested_questions',
        'job_role_id',
        'difficulty_level',
      ])
      .where('id', '=', sessionId)
      .executeTakeFirst();
  }

  /** Puts a question at the end of a session's plan, which then holds `position + 1`. */
  async appendToPlan(
    sessionId: string,
    position: number,
    questionId: string,
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('session_questions')
      .values({
        session_id: sessionId,
        position,
        question_id: questionId,
        draft_text: '',
        draft_saved_at: null,
      })
      .execute();
    await this.db
      .updateTable('interview_sessions')
      .set({ total_questions: position + 1, updated_at: now })
      .where('id', '=', sessionId)
      .execute();
  }

  /** What writing questions for a session needs: the session's request and its role. */
  async generationRequest(
    sessionId: string,
  ): Promise<
    | (Pick<
        InterviewSessionsTable,
        | 'user_id'
        | 'status'
        | 'difficulty_level'
        | 'total_questions'
        | 'requested_questions'
        | 'job_description'
        | 'job_skills'
      > & { title: string; skill_tags: string })
    | undefined
  > {
    return this.db
      .selectFrom('interview_sessions as s')
      .innerJoin('job_roles as r', 'r.id', 's.job_role_id')
      .select([
        's.user_id',
        's.status',
        's.difficulty_level',
        's.total_questions',
        's.requested_questions',
        's.job_description',
        's.job_skills',
        'r.title',
        'r.skill_tags',
      ])
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
  }
}
