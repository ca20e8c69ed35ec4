import type { Kysely } from 'kysely';
import type { Scores } from '../../../shared/contract';
import type { AnswersTable, DatabaseSchema, FeedbackTable } from '../schema';

/**
 * The columns of `questions as q` that scoring and the follow-up rules read (one list for every
 * scoring query; features/bank/question-score-input.ts turns them into the evaluator's input).
 */
export const QUESTION_SCORING_COLUMNS = [
  'q.content',
  'q.ideal_answer',
  'q.expected_keywords',
  'q.keyword_synonyms',
  'q.type',
  'q.time_limit_seconds',
] as const;

/** What a joined `feedback as f` row shows of an answer's scoring (null columns: none yet). */
const FEEDBACK_COLUMNS = [
  'f.content_score',
  'f.communication_score',
  'f.technical_score',
  'f.relevance_score',
  'f.overall_score',
  'f.strengths',
  'f.improvements',
] as const;

/** The score columns of a feedback (or follow-up evaluation) row, null where none is joined. */
export interface ScoreColumns {
  readonly content_score: number | null;
  readonly communication_score: number | null;
  readonly technical_score: number | null;
  readonly relevance_score: number | null;
  readonly overall_score: number | null;
}

/** The stored scores of a row, or null when it has none (not scored yet, or skipped). */
export function scoresOf(row: ScoreColumns): Scores | null {
  return row.overall_score === null
    ? null
    : {
        content: row.content_score ?? 0,
        communication: row.communication_score ?? 0,
        technical: row.technical_score ?? 0,
        relevance: row.relevance_score ?? 0,
        overall: row.overall_score,
      };
}

/** The score columns for `scores`: the inverse of scoresOf (feedback and follow-up evaluations). */
export function scoreColumns(scores: Scores) {
  return {
    content_score: scores.content,
    communication_score: scores.communication,
    technical_score: scores.technical,
    relevance_score: scores.relevance,
    overall_score: scores.overall,
  };
}

/** An answer's evaluation, as scoring stores it. */
export interface AnswerFeedback {
  readonly id: string;
  readonly scores: Scores;
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
  readonly feedbackText: string;
  readonly confidence: number;
  /** Which scorer (and version) produced it. */
  readonly engine: string;
  /** What the evaluation found (key points, signals, engines…), stored as JSON. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** Answers and their scored feedback (answers, feedback). The only code that reads or writes these tables. */
export class AnswerRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  async insert(answer: AnswersTable): Promise<void> {
    await this.db.insertInto('answers').values(answer).execute();
  }

  /** What scoring an answer reads: its text, its question, and whose session it is in. */
  async scoringInput(answerId: string) {
    return this.db
      .selectFrom('answers as a')
      .innerJoin('questions as q', 'q.id', 'a.question_id')
      .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
      .select([
        's.user_id',
        'a.session_id',
        'a.transcription',
        'a.over_time_seconds',
        ...QUESTION_SCORING_COLUMNS,
      ])
      .where('a.id', '=', answerId)
      .executeTakeFirst();
  }

  /** The answer's position in its session and what its question looks like on screen. */
  async positionAndQuestion(answerId: string) {
    return this.db
      .selectFrom('answers as a')
      .innerJoin('questions as q', 'q.id', 'a.question_id')
      .select(['a.position', 'q.type', 'q.category', 'q.time_limit_seconds'])
      .where('a.id', '=', answerId)
      .executeTakeFirstOrThrow();
  }

  /** Replaces the answer's feedback (re-scoring keeps one row per answer). */
  async replaceFeedback(answerId: string, feedback: AnswerFeedback): Promise<void> {
    await this.db.deleteFrom('feedback').where('answer_id', '=', answerId).execute();
    await this.db
      .insertInto('feedback')
      .values({
        id: feedback.id,
        answer_id: answerId,
        ...scoreColumns(feedback.scores),
        strengths: JSON.stringify(feedback.strengths),
        improvements: JSON.stringify(feedback.improvements),
        detailed_feedback: feedback.feedbackText,
        ai_confidence: feedback.confidence,
        engine: feedback.engine,
        details: JSON.stringify(feedback.details),
        created_at: feedback.createdAt,
      })
      .execute();
  }

  async feedbackOf(answerId: string) {
    return this.db
      .selectFrom('feedback')
      .select(['id', 'content_score', 'overall_score', 'details'])
      .where('answer_id', '=', answerId)
      .executeTakeFirst();
  }

  async setFeedbackScores(
    feedbackId: string,
    values: Pick<FeedbackTable, 'content_score' | 'overall_score' | 'details'>,
  ): Promise<void> {
    await this.db.updateTable('feedback').set(values).where('id', '=', feedbackId).execute();
  }

  /** Every question planned for the session in order, with its answer and feedback if any. */
  async resultRowsOfSession(sessionId: string) {
    return this.db
      .selectFrom('session_questions as sq')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .leftJoin('answers as a', (j) =>
        j.onRef('a.session_id', '=', 'sq.session_id').onRef('a.question_id', '=', 'sq.question_id'),
      )
      .leftJoin('feedback as f', 'f.answer_id', 'a.id')
      .select([
        'sq.position',
        'q.id as question_id',
        'q.content',
        'q.type',
        'q.ideal_answer',
        'q.generated_by',
        'a.id as answer_id',
        'a.status as answer_status',
        'a.transcription',
        'a.duration_seconds',
        'a.over_time_seconds',
        ...FEEDBACK_COLUMNS,
        'f.detailed_feedback',
        'f.engine',
        'f.details',
      ])
      .where('sq.session_id', '=', sessionId)
      .orderBy('sq.position')
      .execute();
  }

  /** Every answer the profile gave to the question, oldest first, with its feedback if any. */
  async attemptsOf(profileId: string, questionId: string) {
    return this.db
      .selectFrom('answers as a')
      .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
      .leftJoin('feedback as f', 'f.answer_id', 'a.id')
      .select([
        'a.id',
        'a.session_id',
        'a.answered_at',
        'a.status',
        'a.transcription',
        ...FEEDBACK_COLUMNS,
      ])
      .where('s.user_id', '=', profileId)
      .where('a.question_id', '=', questionId)
      .orderBy('a.answered_at')
      .execute();
  }

  /** The audio and video urls stored with the sessions' answers (those that have one). */
  async mediaUrlsOfSessions(
    sessionIds: readonly string[],
  ): Promise<{ audio_url: string | null; video_url: string | null }[]> {
    const urls: { audio_url: string | null; video_url: string | null }[] = [];
    // In chunks: SQLite limits how many values one statement may bind.
    for (let i = 0; i < sessionIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('answers')
        .select(['audio_url', 'video_url'])
        .where('session_id', 'in', sessionIds.slice(i, i + 500))
        .where((eb) => eb.or([eb('audio_url', 'is not', null), eb('video_url', 'is not', null)]))
        .execute();
      urls.push(...rows);
    }
    return urls;
  }

  /** Points an answer at its recording's files (null, null once the files are deleted). */
  async setAnswerMedia(
    answerId: string,
    audioPath: string | null,
    videoPath: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('answers')
      .set({ audio_url: audioPath, video_url: videoPath })
      .where('id', '=', answerId)
      .execute();
  }

  /** A person's answered answers to some questions with their overall score, newest first. */
  async answeredTo(input: {
    profileId: string;
    questionIds: readonly string[];
    excludeSessionId?: string | undefined;
  }): Promise<
    { question_id: string; session_id: string; answered_at: string; overall_score: number | null }[]
  > {
    if (input.questionIds.length === 0) return [];
    let query = this.db
      .selectFrom('answers as a')
      .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
      .leftJoin('feedback as f', 'f.answer_id', 'a.id')
      .select(['a.question_id', 'a.session_id', 'a.answered_at', 'f.overall_score'])
      .where('s.user_id', '=', input.profileId)
      .where('a.question_id', 'in', [...input.questionIds])
      .where('a.status', '=', 'answered');
    if (input.excludeSessionId) query = query.where('a.session_id', '!=', input.excludeSessionId);
    return query.orderBy('a.answered_at', 'desc').execute();
  }

  /** The feedback details JSON of the latest `limit` scored answers of profiles of this name. */
  async latestFeedbackDetailsByProfileName(profileName: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('feedback as f')
      .innerJoin('answers as a', 'a.id', 'f.answer_id')
      .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select('f.details')
      .where('u.name', '=', profileName)
      .orderBy('a.answered_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.details);
  }
}
