import type { Kysely } from 'kysely';
import type { Level, QuestionType, SessionState, SessionStatus } from '../../../shared/contract';
import type { GenerationStatus, InterviewPlan } from '../../../shared/contract/interviews';
import { parseStringArray } from '../../platform/json';
import { notFound } from '../../platform/errors';
import { followUpAsCurrentQuestion } from '../follow-ups/follow-up-store';
import type { DatabaseSchema, InterviewSessionsTable } from '../../storage/schema';

type Db = Kysely<DatabaseSchema>;
export type SessionRef = { profileId: string; sessionId: string };

/** Loads a session only if it belongs to the profile: another profile's session is "not found". */
export async function loadSession(
  db: Db,
  ref: SessionRef,
): Promise<InterviewSessionsTable & { current_question_id: string | null }> {
  const row = await db
    .selectFrom('interview_sessions as s')
    .leftJoin('session_questions as sq', (join) =>
      join.onRef('sq.session_id', '=', 's.id').onRef('sq.position', '=', 's.current_position'),
    )
    .selectAll('s')
    .select('sq.question_id as current_question_id')
    .where('s.id', '=', ref.sessionId)
    .where('s.user_id', '=', ref.profileId)
    .executeTakeFirst();
  if (!row) throw notFound('Interview', ref.sessionId);
  return row;
}

export async function readSessionState(
  db: Db,
  profileId: string,
  sessionId: string,
): Promise<SessionState> {
  const s = await loadSession(db, { profileId, sessionId });
  const role = await db
    .selectFrom('job_roles')
    .select('title')
    .where('id', '=', s.job_role_id)
    .executeTakeFirstOrThrow();
  const answered = await db
    .selectFrom('answers')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('session_id', '=', s.id)
    .executeTakeFirstOrThrow();
  // A pending follow-up comes before the next bank question.
  let currentQuestion: SessionState['currentQuestion'] =
    s.status === 'active'
      ? await followUpAsCurrentQuestion(db, s.id, s.question_started_at ?? s.updated_at)
      : null;
  if (!currentQuestion && s.status === 'active' && s.current_question_id !== null) {
    const q = await db
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
      .where('sq.session_id', '=', s.id)
      .where('sq.position', '=', s.current_position)
      .executeTakeFirstOrThrow();
    currentQuestion = {
      id: q.id,
      position: s.current_position,
      content: q.content,
      type: q.type as QuestionType,
      category: q.category,
      timeLimitSeconds: q.time_limit_seconds,
      startedAt: s.question_started_at ?? s.updated_at,
      draft: q.draft_text,
      generatedBy: q.generated_by,
    };
  }
  return {
    id: s.id,
    status: s.status as SessionStatus,
    roleId: s.job_role_id,
    roleTitle: role.title,
    level: s.difficulty_level as Level,
    totalQuestions: s.total_questions,
    answeredCount: Number(answered.n),
    currentQuestion,
    createdAt: s.created_at,
    startedAt: s.started_at,
    completedAt: s.completed_at,
    overallScore: s.overall_score,
    plan: await readPlan(db, s),
  };
}

/** How the questions were found, and where generating the missing ones stands. */
async function readPlan(db: Db, s: InterviewSessionsTable): Promise<InterviewPlan> {
  const generated = await db
    .selectFrom('session_questions as sq')
    .innerJoin('questions as q', 'q.id', 'sq.question_id')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('sq.session_id', '=', s.id)
    .where('q.source', '=', 'generated')
    .executeTakeFirstOrThrow();
  let generation = s.generation_status as GenerationStatus;
  let note = s.generation_note;
  // A job cancelled or failed before it ran never updates the session: its row says how it ended.
  if ((generation === 'queued' || generation === 'running') && s.generation_job_id) {
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'error'])
      .where('id', '=', s.generation_job_id)
      .executeTakeFirst();
    if (job?.status === 'cancelled' || job?.status === 'failed') {
      generation = job.status;
      note = `Generating questions ${job.status === 'cancelled' ? 'was cancelled' : `failed: ${job.error ?? 'unknown error'}`}.`;
    }
  }
  return {
    requested: s.requested_questions ?? s.total_questions,
    fromBank: s.total_questions - Number(generated.n),
    generated: Number(generated.n),
    generation,
    note,
    jobId: s.generation_job_id,
    jobDescription: s.job_description,
    jobSkills: parseStringArray(s.job_skills),
  };
}
