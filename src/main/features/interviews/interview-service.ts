import type { Level, SessionState } from '../../../shared/contract';
import { JOB_TYPES } from '../../jobs/job-types';
import { AppError, notFound } from '../../platform/errors';
import type { ServiceContext } from '../service-context';
import { planInterview } from './interview-plan';
import { readSessionState } from './session-state';
import { withRepositories } from '../../storage/repositories';
import type {
  SessionChanges,
  SessionRef,
  SessionRow,
} from '../../storage/repositories/session-repository';
import {
  askFollowUpIfDue,
  recordFollowUpAnswer,
  saveFollowUpDraft,
} from '../follow-ups/follow-up-store';
import { ProfileService } from '../profiles/profile-service';
import { linkRecordingToAnswer } from '../recording/recording-rows';

/**
 * The interview state machine: pending → active → completed, or abandoned from
 * pending/active. Every step is persisted before it returns, so a restart resumes where it was.
 */
export class InterviewService {
  constructor(
    private readonly ctx: ServiceContext,
    /** Whether a language model is installed now: then a short bank is topped up by the LLM. */
    private readonly llmInstalled: () => boolean = () => false,
  ) {}

  async create(input: {
    profileId: string;
    roleId: string;
    level: Level;
    questionCount: number;
    seed?: number | undefined;
    skills?: string[] | undefined;
    questionIds?: string[] | undefined;
    maxFollowUps?: number | undefined;
    jobDescription?: string | undefined;
  }): Promise<SessionState> {
    const { clock, ids } = this.ctx;
    const profile = await new ProfileService(this.ctx).get(input.profileId);
    const roleTitle = await this.ctx.repos.bank.roleTitle(input.roleId);
    if (roleTitle === undefined) throw notFound('Job role', input.roleId);

    const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
    const draft = await planInterview(
      this.ctx,
      {
        profileId: input.profileId,
        roleId: input.roleId,
        roleTitle,
        level: input.level,
        questionCount: input.questionCount,
        seed,
        skills: input.skills ?? profile.skills,
        questionIds: input.questionIds,
        jobDescription: input.jobDescription,
      },
      this.llmInstalled(),
    );
    const plan = draft.questionIds;
    if (plan.length === 0) {
      throw new AppError(
        'INVALID_STATE',
        `The role "${input.roleId}" has no questions yet; pick another role.`,
      );
    }
    const now = clock.now().toISOString();
    const sessionId = ids();
    await withRepositories(this.ctx.db, async (trx) => {
      await trx.sessions.create(
        {
          id: sessionId,
          user_id: input.profileId,
          job_role_id: input.roleId,
          status: 'pending',
          difficulty_level: input.level,
          total_questions: plan.length,
          current_position: 0,
          question_started_at: null,
          started_at: null,
          completed_at: null,
          overall_score: null,
          seed,
          max_follow_ups: input.maxFollowUps ?? 0,
          job_description: draft.jobDescription,
          job_skills: JSON.stringify(draft.jobSkills),
          requested_questions: draft.requested,
          generation_status: draft.generation,
          generation_note: draft.note,
          generation_job_id: null,
          created_at: now,
          updated_at: now,
        },
        plan,
      );
      if (draft.generation === 'queued') {
        // Committed with the session: the missing questions are written in the background.
        const jobId = await this.ctx.jobs.enqueue(
          JOB_TYPES.generateQuestions,
          { sessionId },
          trx.jobs,
        );
        await trx.sessions.update(sessionId, { generation_job_id: jobId });
      }
    });
    if (draft.generation === 'queued') this.ctx.jobs.kick();
    return this.get({ profileId: input.profileId, sessionId });
  }

  async get(ref: SessionRef): Promise<SessionState> {
    return readSessionState(this.ctx, ref.profileId, ref.sessionId);
  }

  async resumable(profileId: string): Promise<SessionState | null> {
    const id = await this.ctx.repos.sessions.newestUnfinishedId(profileId);
    return id === undefined ? null : readSessionState(this.ctx, profileId, id);
  }

  async start(ref: SessionRef): Promise<SessionState> {
    const session = await this.load(ref);
    const now = this.ctx.clock.now().toISOString();
    if (session.status === 'pending') {
      await this.update(session.id, {
        status: 'active',
        started_at: now,
        question_started_at: now,
      });
    } else if (session.status === 'active') {
      // Resuming after a restart: the clock for the current question starts again, since the
      // time the app was closed should not count against the candidate.
      await this.update(session.id, { question_started_at: now });
    } else {
      throw illegal(session.status, 'start');
    }
    return this.get(ref);
  }

  async saveDraft(
    ref: SessionRef & { questionId: string; text: string },
  ): Promise<{ savedAt: string }> {
    const session = await this.load(ref);
    const savedAt = this.ctx.clock.now().toISOString();
    const { repos } = this.ctx;
    const followUp = session.status === 'active' && (await repos.followUps.pending(session.id));
    if (followUp) {
      await saveFollowUpDraft(repos, followUp, ref.questionId, ref.text, savedAt);
      return { savedAt };
    }
    this.assertCurrent(session, ref.questionId, 'save a draft for');
    await repos.sessions.saveDraft(session.id, session.current_position, ref.text, savedAt);
    return { savedAt };
  }

  async answer(
    ref: SessionRef & { questionId: string; text: string; recordingId?: string | undefined },
  ): Promise<{ answerId: string; jobId: string | null; session: SessionState }> {
    const { answerId, jobId } = await this.record(ref, 'answered', ref.text, ref.recordingId);
    this.ctx.jobs.kick();
    return { answerId, jobId, session: await this.get(ref) };
  }

  async skip(ref: SessionRef & { questionId: string }): Promise<SessionState> {
    await this.record(ref, 'skipped', '');
    return this.get(ref);
  }

  async end(ref: SessionRef): Promise<SessionState> {
    const session = await this.load(ref);
    if (session.status !== 'active') throw illegal(session.status, 'end');
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.repos.followUps.dropPending(session.id, now);
    await this.update(session.id, {
      status: 'completed',
      completed_at: now,
      question_started_at: null,
    });
    await this.ctx.repos.sessions.refreshScore(session.id);
    // Written feedback comes after the session's scoring jobs, which are ahead of it in the queue.
    await this.ctx.jobs.enqueue(JOB_TYPES.writtenFeedback, { sessionId: session.id });
    this.ctx.jobs.kick();
    return this.get(ref);
  }

  async abandon(ref: SessionRef): Promise<SessionState> {
    const session = await this.load(ref);
    if (session.status !== 'pending' && session.status !== 'active')
      throw illegal(session.status, 'abandon');
    await this.ctx.repos.followUps.dropPending(session.id, this.ctx.clock.now().toISOString());
    await this.update(session.id, { status: 'abandoned', question_started_at: null });
    return this.get(ref);
  }

  /** Stores an answer (or a skip) to the current question and moves on, atomically. */
  private async record(
    ref: SessionRef & { questionId: string },
    status: 'answered' | 'skipped',
    text: string,
    recordingId?: string,
  ): Promise<{ answerId: string; jobId: string | null }> {
    const { clock, ids, jobs } = this.ctx;
    return withRepositories(this.ctx.db, async (trx) => {
      const { sessions, answers, followUps } = trx;
      const session = await sessions.owned(ref);
      const followUp = session.status === 'active' && (await followUps.pending(session.id));
      if (followUp) {
        const jobId = await recordFollowUpAnswer(trx, this.ctx, session, followUp, {
          questionId: ref.questionId,
          status,
          text,
        });
        return { answerId: followUp.id, jobId };
      }
      const verb = status === 'answered' ? 'answer' : 'skip';
      this.assertCurrent(session, ref.questionId, verb);
      const question = await sessions.plannedQuestion(session.id, session.current_position);
      const now = clock.now();
      const startedAt = session.question_started_at
        ? Date.parse(session.question_started_at)
        : now.getTime();
      const duration = Math.max(0, (now.getTime() - startedAt) / 1000);
      const answerId = ids();
      await answers.insert({
        id: answerId,
        session_id: session.id,
        question_id: ref.questionId,
        position: session.current_position,
        status,
        audio_url: null,
        video_url: null,
        transcription: text,
        duration_seconds: duration,
        over_time_seconds: Math.max(0, duration - question.time_limit_seconds),
        answered_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      if (recordingId) {
        await linkRecordingToAnswer(trx, {
          recordingId,
          answerId,
          sessionId: session.id,
          questionId: ref.questionId,
        });
      }
      await sessions.clearDraft(session.id, session.current_position);
      const nextPosition = session.current_position + 1;
      await sessions.update(session.id, {
        current_position: nextPosition,
        question_started_at: nextPosition < session.total_questions ? now.toISOString() : null,
        updated_at: now.toISOString(),
      });
      const jobId =
        status === 'answered'
          ? await jobs.enqueue(JOB_TYPES.scoreAnswer, { answerId }, trx.jobs)
          : null;
      if (status === 'answered') {
        const followUpId = await askFollowUpIfDue(trx, this.ctx, {
          sessionId: session.id,
          maxFollowUps: session.max_follow_ups,
          questionId: ref.questionId,
          parentAnswerId: answerId,
          answerText: text,
          depth: 1,
          overTimeSeconds: Math.max(0, duration - question.time_limit_seconds),
        });
        // The follow-up's clock starts now (the next bank question's restarts after it).
        if (followUpId && nextPosition >= session.total_questions)
          await sessions.update(session.id, { question_started_at: now.toISOString() });
      }
      return { answerId, jobId };
    });
  }

  private assertCurrent(session: SessionRow, questionId: string, verb: string): void {
    if (session.status !== 'active') {
      throw new AppError(
        'INVALID_STATE',
        session.status === 'pending'
          ? `This interview has not started yet; start it before you ${verb} a question.`
          : `This interview is ${session.status}; you can no longer ${verb} its questions.`,
      );
    }
    if (session.current_question_id === null) {
      throw new AppError(
        'INVALID_STATE',
        'Every question has been answered; end the interview to see your results.',
      );
    }
    if (session.current_question_id !== questionId) {
      throw new AppError(
        'WRONG_QUESTION',
        `That is not the current question: the interview is on question ${session.current_position + 1} of ` +
          `${session.total_questions} ("${session.current_question_id}"), not "${questionId}".`,
        { currentQuestionId: session.current_question_id },
      );
    }
  }

  private load(ref: SessionRef) {
    return this.ctx.repos.sessions.owned(ref);
  }

  private async update(sessionId: string, changes: SessionChanges): Promise<void> {
    await this.ctx.repos.sessions.update(sessionId, {
      ...changes,
      updated_at: this.ctx.clock.now().toISOString(),
    });
  }
}

function illegal(status: string, action: string): AppError {
  const hint: Record<string, string> = {
    pending: 'it has not started yet',
    active: 'it is already in progress',
    completed: 'it has already ended',
    abandoned: 'it was abandoned',
  };
  return new AppError(
    'INVALID_STATE',
    `Cannot ${action} this interview: ${hint[status] ?? `it is ${status}`}.`,
  );
}
