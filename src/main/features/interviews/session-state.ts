import type { Level, QuestionType, SessionState, SessionStatus } from '../../../shared/contract';
import type { GenerationStatus, InterviewPlan } from '../../../shared/contract/interviews';
import { AppError } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { SessionStateRow } from '../../storage/repositories/session-repository';
import { followUpAsCurrentQuestion } from '../follow-ups/follow-up-store';
import type { ServiceContext } from '../service-context';

type StateContext = Pick<ServiceContext, 'repos' | 'jobs'>;

export async function readSessionState(
  ctx: StateContext,
  profileId: string,
  sessionId: string,
): Promise<SessionState> {
  const { repos } = ctx;
  const s = await repos.sessions.ownedWithProgress({ profileId, sessionId });
  // A pending follow-up comes before the next bank question.
  let currentQuestion: SessionState['currentQuestion'] =
    s.status === 'active'
      ? await followUpAsCurrentQuestion(repos, s.id, s.question_started_at ?? s.updated_at)
      : null;
  if (!currentQuestion && s.status === 'active' && s.current_question_id !== null) {
    const q = await repos.sessions.plannedQuestion(s.id, s.current_position);
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
    roleTitle: s.role_title,
    level: s.difficulty_level as Level,
    totalQuestions: s.total_questions,
    answeredCount: s.answered_count,
    currentQuestion,
    createdAt: s.created_at,
    startedAt: s.started_at,
    completedAt: s.completed_at,
    overallScore: s.overall_score,
    plan: await readPlan(ctx, s),
  };
}

/** How the questions were found, and where generating the missing ones stands. */
async function readPlan(ctx: StateContext, s: SessionStateRow): Promise<InterviewPlan> {
  const generated = await ctx.repos.sessions.generatedQuestionCount(s.id);
  let generation = s.generation_status as GenerationStatus;
  let note = s.generation_note;
  // A job cancelled or failed before it ran never updates the session: its row says how it ended.
  if ((generation === 'queued' || generation === 'running') && s.generation_job_id) {
    const job = await ctx.jobs.get(s.generation_job_id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    if (job?.status === 'cancelled' || job?.status === 'failed') {
      generation = job.status;
      note = `Generating questions ${job.status === 'cancelled' ? 'was cancelled' : `failed: ${job.error ?? 'unknown error'}`}.`;
    }
  }
  return {
    requested: s.requested_questions ?? s.total_questions,
    fromBank: s.total_questions - generated,
    generated,
    generation,
    note,
    jobId: s.generation_job_id,
    jobDescription: s.job_description,
    jobSkills: parseStringArray(s.job_skills),
  };
}
