import type { Kysely } from 'kysely';
import { questionScoreInput } from '../bank/question-score-input';
import type { CurrentQuestion, QuestionType } from '../../../shared/contract';
import { followUpTriggers } from '../../../shared/packs/pack-schema';
import type { Clock, IdGenerator } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { asObject, parseArray } from '../../platform/json';
import type { DatabaseSchema, FollowUpQuestionsTable } from '../../storage/schema';
import type { JobQueue } from '../../jobs/job-queue';
import {
  FOLLOW_UP_RULES_ENGINE,
  chooseFollowUp,
  findGaps,
  type BankFollowUp,
  type FollowUpTrigger,
} from '../../assessment/follow-ups/follow-up-rules';

type Db = Kysely<DatabaseSchema>;

export const LLM_FOLLOW_UP_JOB = 'llm-follow-up';
export const SCORE_FOLLOW_UP_JOB = 'score-follow-up';

interface FollowUpDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly jobs: JobQueue;
}

/** The follow-up waiting for an answer, if any: it comes before the next bank question. */
export async function pendingFollowUp(
  db: Db,
  sessionId: string,
): Promise<FollowUpQuestionsTable | undefined> {
  return db
    .selectFrom('follow_up_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Decides with the bank's rules whether the answer just given gets a follow-up, and stores it.
 * The LLM rewording (if a model is installed) is queued in the same transaction; the interview
 * shows the bank's wording at once and never waits for it.
 */
export async function askFollowUpIfDue(
  trx: Db,
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
  const q = await trx
    .selectFrom('questions')
    .select([
      'content',
      'ideal_answer',
      'expected_keywords',
      'keyword_synonyms',
      'type',
      'time_limit_seconds',
      'follow_ups',
    ])
    .where('id', '=', args.questionId)
    .executeTakeFirstOrThrow();
  const asked = await trx
    .selectFrom('follow_up_questions')
    .select('bank_content')
    .where('session_id', '=', args.sessionId)
    .where('question_id', '=', args.questionId)
    .execute();
  const type = q.type as QuestionType;
  const gaps = findGaps(questionScoreInput(q, args.answerText, args.overTimeSeconds));
  const choice = chooseFollowUp(
    parseBankFollowUps(q.follow_ups),
    gaps,
    type,
    new Set(asked.map((a) => a.bank_content)),
  );
  if (!choice) return null;
  const now = deps.clock.now().toISOString();
  const id = deps.ids();
  await trx
    .insertInto('follow_up_questions')
    .values({
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
    })
    .execute();
  await deps.jobs.enqueue(LLM_FOLLOW_UP_JOB, { followUpId: id }, trx);
  return id;
}

/**
 * Stores the answer to (or skip of) the pending follow-up, queues its scoring, and may ask the
 * next one (depth + 1). Returns the scoring job (null for a skip).
 */
export async function recordFollowUpAnswer(
  trx: Db,
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
  await trx
    .updateTable('follow_up_questions')
    .set({
      status: input.status,
      answer_text: input.text,
      draft_text: '',
      answered_at: now,
      updated_at: now,
    })
    .where('id', '=', followUp.id)
    .execute();
  const jobId =
    input.status === 'answered'
      ? await deps.jobs.enqueue(
          SCORE_FOLLOW_UP_JOB,
          { followUpId: followUp.id, answerId: followUp.parent_answer_id },
          trx,
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
  await trx
    .updateTable('interview_sessions')
    .set({ question_started_at: anotherQuestion ? now : null, updated_at: now })
    .where('id', '=', session.id)
    .execute();
  return jobId;
}

export async function saveFollowUpDraft(
  db: Db,
  followUp: FollowUpQuestionsTable,
  questionId: string,
  text: string,
  savedAt: string,
): Promise<void> {
  assertIsFollowUp(followUp, questionId);
  await db
    .updateTable('follow_up_questions')
    .set({ draft_text: text, updated_at: savedAt })
    .where('id', '=', followUp.id)
    .execute();
}

/** Ending or abandoning an interview drops a follow-up nobody answered. */
export async function dropPendingFollowUps(db: Db, sessionId: string, now: string): Promise<void> {
  await db
    .updateTable('follow_up_questions')
    .set({ status: 'dropped', updated_at: now })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'pending')
    .execute();
}

/** The pending follow-up as the interview's current question (null when there is none). */
export async function followUpAsCurrentQuestion(
  db: Db,
  sessionId: string,
  startedAt: string,
): Promise<CurrentQuestion | null> {
  const fu = await pendingFollowUp(db, sessionId);
  if (!fu) return null;
  const parent = await db
    .selectFrom('answers as a')
    .innerJoin('questions as q', 'q.id', 'a.question_id')
    .select(['a.position', 'q.type', 'q.category', 'q.time_limit_seconds'])
    .where('a.id', '=', fu.parent_answer_id)
    .executeTakeFirstOrThrow();
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
