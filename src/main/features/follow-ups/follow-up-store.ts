import { questionScoreInput } from '../bank/question-score-input';
import { JOB_TYPES } from '../../jobs/job-types';
import type { CurrentQuestion, QuestionType } from '../../../shared/contract';
import { followUpTriggers } from '../../../shared/packs/pack-schema';
import type { Clock, IdGenerator } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { asObject, parseArray } from '../../platform/json';
import type { FollowUpQuestionsTable } from '../../storage/schema';
import type { Repositories } from '../../storage/repositories';
import type { JobQueue } from '../../jobs/job-queue';
import {
  FOLLOW_UP_RULES_ENGINE,
  chooseFollowUp,
  findGaps,
  type BankFollowUp,
  type FollowUpTrigger,
} from '../../assessment/follow-ups/follow-up-rules';

interface FollowUpDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly jobs: JobQueue;
}

/**
 * Decides with the bank's rules whether the answer just given gets a follow-up, and stores it.
 * The LLM rewording (if a model is installed) is queued in the same transaction; the interview
 * shows the bank's wording at once and never waits for it.
 */
export async function askFollowUpIfDue(
  trx: Repositories,
  deps: FollowUpDeps,
  args: {
    readonly sessionId: string;
    readonly maxFollowUps: number;
    readonly questionId: string;
    readonly parentAnswerId: string;
    readonly answerText: string;
    readonly depth: number;
    readonly overTimeSeconds: number;
  },
): Promise<string | null> {
  if (args.depth > args.maxFollowUps) return null;
  const { followUps } = trx;
  const q = await followUps.questionOfAnswer(args.parentAnswerId);
  const asked = await followUps.bankWordingsAsked(args.sessionId, args.questionId);
  const type = q.type as QuestionType;
  const gaps = findGaps(questionScoreInput(q, args.answerText, args.overTimeSeconds));
  const choice = chooseFollowUp(parseBankFollowUps(q.follow_ups), gaps, type, new Set(asked));
  if (!choice) return null;
  const now = deps.clock.now().toISOString();
  const id = deps.ids();
  await followUps.insert({
    id,
    session_id: args.sessionId,
    parent_answer_id: args.parentAnswerId,
    question_id: args.questionId,
    depth: args.depth,
    trigger: choice.when,
    bank_content: choice.question,
    content: choice.question,
    gap_detail: JSON.stringify(choice.detail),
    engine: FOLLOW_UP_RULES_ENGINE,
    fallback_reason: null,
    status: 'pending',
    draft_text: '',
    answer_text: '',
    answered_at: null,
    created_at: now,
    updated_at: now,
  });
  await deps.jobs.enqueue(JOB_TYPES.llmFollowUp, { followUpId: id }, trx.jobs);
  return id;
}

/**
 * Stores the answer to (or skip of) the pending follow-up, queues its scoring, and may ask the
 * next one (depth + 1). Returns the scoring job (null for a skip).
 */
export async function recordFollowUpAnswer(
  trx: Repositories,
  deps: FollowUpDeps,
  session: {
    readonly id: string;
    readonly max_follow_ups: number;
    readonly total_questions: number;
    readonly current_position: number;
  },
  followUp: FollowUpQuestionsTable,
  input: {
    readonly questionId: string;
    readonly status: 'answered' | 'skipped';
    readonly text: string;
  },
): Promise<string | null> {
  assertIsFollowUp(followUp, input.questionId);
  const now = deps.clock.now().toISOString();
  await trx.followUps.recordAnswer(followUp.id, {
    status: input.status,
    text: input.text,
    at: now,
  });
  const jobId =
    input.status === 'answered'
      ? await deps.jobs.enqueue(
          JOB_TYPES.scoreFollowUp,
          { followUpId: followUp.id, answerId: followUp.parent_answer_id },
          trx.jobs,
        )
      : null;
  const next =
    input.status === 'answered'
      ? await askFollowUpIfDue(trx, deps, {
          sessionId: session.id,
          maxFollowUps: session.max_follow_ups,
          questionId: followUp.question_id,
          parentAnswerId: followUp.parent_answer_id,
          answerText: input.text,
          depth: followUp.depth + 1,
          overTimeSeconds: 0,
        })
      : null;
  // The next question's clock starts now, not when the follow-up appeared.
  const anotherQuestion = next !== null || session.current_position < session.total_questions;
  await trx.sessions.update(session.id, {
    question_started_at: anotherQuestion ? now : null,
    updated_at: now,
  });
  return jobId;
}

export async function saveFollowUpDraft(
  repos: Repositories,
  followUp: FollowUpQuestionsTable,
  questionId: string,
  text: string,
  savedAt: string,
): Promise<void> {
  assertIsFollowUp(followUp, questionId);
  await repos.followUps.saveDraft(followUp.id, text, savedAt);
}

/** The pending follow-up as the interview's current question (null when there is none). */
export async function followUpAsCurrentQuestion(
  repos: Repositories,
  sessionId: string,
  startedAt: string,
): Promise<CurrentQuestion | null> {
  const fu = await repos.followUps.pending(sessionId);
  if (!fu) return null;
  const parent = await repos.answers.positionAndQuestion(fu.parent_answer_id);
  return {
    id: fu.id,
    position: parent.position,
    content: fu.content,
    type: parent.type as QuestionType,
    category: parent.category,
    timeLimitSeconds: parent.time_limit_seconds,
    startedAt,
    draft: fu.draft_text,
    followUp: {
      parentQuestionId: fu.question_id,
      depth: fu.depth,
      trigger: fu.trigger,
      engine: fu.engine,
    },
  };
}

function assertIsFollowUp(followUp: FollowUpQuestionsTable, questionId: string): void {
  if (questionId !== followUp.id) {
    throw new AppError(
      'WRONG_QUESTION',
      `That is not the current question: the interview is waiting for the answer to a follow-up ` +
        `("${followUp.content}").`,
      { currentQuestionId: followUp.id },
    );
  }
}

const TRIGGERS = new Set<string>(followUpTriggers);

function parseBankFollowUps(text: string): BankFollowUp[] {
  return parseArray(text).flatMap((item) => {
    const f = asObject(item);
    const question = f['question'];
    const when = f['when'];
    return typeof question === 'string' && typeof when === 'string' && TRIGGERS.has(when)
      ? [{ question, when: when as FollowUpTrigger }]
      : [];
  });
}
