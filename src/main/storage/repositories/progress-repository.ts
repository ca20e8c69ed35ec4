import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** How a progress chart groups its days. */
export type ProgressBucket = 'day' | 'week' | 'month';

// The period key of each bucket, as SQL over a local day (fixed strings, never user input).
const PERIOD_SQL: Record<ProgressBucket, string> = {
  day: 'day',
  week: "date(day, '-6 days', 'weekday 1')",
  month: "substr(day, 1, 7) || '-01'",
};

/** A profile's running totals over every day practised (sums, not means). */
export interface ProgressTotalsRow {
  readonly n: number | null;
  readonly answered: number | null;
  readonly shown: number | null;
  readonly overall: number | null;
  readonly content: number | null;
  readonly communication: number | null;
  readonly technical: number | null;
  readonly relevance: number | null;
  /** Sessions in the last seven local days, today included. */
  readonly recent: number | null;
}

/** One period of a progress chart: means per session, and the delivery sums. */
export interface ProgressPeriodRow {
  readonly period: string;
  readonly sessions: number;
  readonly overall: number;
  readonly content: number;
  readonly communication: number;
  readonly technical: number;
  readonly relevance: number;
  readonly words: number;
  readonly fillers: number;
  readonly spoken_words: number;
  readonly spoken_seconds: number;
}

export interface RepeatedQuestionRow {
  readonly question_id: string;
  readonly content: string;
  readonly attempts: number;
  readonly last: string;
  readonly first_score: number | null;
  readonly last_score: number | null;
}

/** Progress read models kept by triggers (session_summaries, session_skill_scores, progress_*). The only code that reads or writes these tables. */
export class ProgressRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /**
   * Rewrites a session's rows in session_summaries and session_skill_scores (migration 0004) from
   * its answers and feedback. Only a completed session with a final overall score has a summary;
   * otherwise its rows are removed. The dimension averages follow the results screen: every
   * question shown counts, a skipped one as 0.
   */
  async refreshSessionSummary(sessionId: string): Promise<void> {
    await this.refreshSummaries(sql`s.id = ${sessionId}`);
  }

  /** The same for every session of a profile at once (bulk imports, the benchmark's seed). */
  async refreshProfileSummaries(profileId: string): Promise<void> {
    await this.refreshSummaries(sql`s.user_id = ${profileId}`);
  }

  private async refreshSummaries(which: RawBuilder<unknown>): Promise<void> {
    const db = this.db;
    await sql`DELETE FROM session_summaries WHERE session_id IN
    (SELECT s.id FROM interview_sessions s WHERE ${which})`.execute(db);
    await sql`DELETE FROM session_skill_scores WHERE session_id IN
    (SELECT s.id FROM interview_sessions s WHERE ${which})`.execute(db);
    await sql`
    INSERT INTO session_summaries
    SELECT s.id, s.user_id, s.job_role_id, s.difficulty_level, coalesce(s.completed_at, s.created_at),
      s.overall_score,
      round(avg(coalesce(f.content_score, 0))), round(avg(coalesce(f.communication_score, 0))),
      round(avg(coalesce(f.technical_score, 0))), round(avg(coalesce(f.relevance_score, 0))),
      count(a.id), sum(a.status = 'answered'),
      coalesce(sum(json_extract(f.details, '$.wordCount')), 0),
      coalesce(sum(json_extract(f.details, '$.fillerCount')), 0),
      coalesce(sum(CASE WHEN a.audio_url IS NOT NULL AND a.duration_seconds > 0
        THEN json_extract(f.details, '$.wordCount') END), 0),
      coalesce(sum(CASE WHEN a.audio_url IS NOT NULL AND a.duration_seconds > 0
        THEN a.duration_seconds END), 0)
    FROM interview_sessions s
    JOIN answers a ON a.session_id = s.id
    LEFT JOIN feedback f ON f.answer_id = a.id
    WHERE ${which} AND s.status = 'completed' AND s.overall_score IS NOT NULL
    GROUP BY s.id`.execute(db);
    await sql`
    INSERT INTO session_skill_scores
    SELECT s.id, j.value, s.user_id, coalesce(s.completed_at, s.created_at),
      round(avg(coalesce(f.overall_score, 0))), count(*)
    FROM interview_sessions s
    JOIN answers a ON a.session_id = s.id
    JOIN questions q ON q.id = a.question_id
    JOIN json_each(q.skills) j
    LEFT JOIN feedback f ON f.answer_id = a.id
    WHERE ${which} AND s.status = 'completed' AND s.overall_score IS NOT NULL
      AND j.type = 'text'
    GROUP BY s.id, j.value`.execute(db);
  }

  /** Sums over every day the profile practised; `now` dates the last seven local days. */
  async totals(profileId: string, now: string): Promise<ProgressTotalsRow | undefined> {
    const totals = await sql<ProgressTotalsRow>`
      SELECT sum(sessions) AS n, sum(answered) AS answered, sum(shown) AS shown,
        sum(overall_sum) AS overall, sum(content_sum) AS content,
        sum(communication_sum) AS communication, sum(technical_sum) AS technical,
        sum(relevance_sum) AS relevance,
        sum(CASE WHEN day >= date(${now}, 'localtime', '-6 days') THEN sessions ELSE 0 END) AS recent
      FROM progress_days WHERE user_id = ${profileId}`.execute(this.db);
    return totals.rows[0];
  }

  /** The best session score, when the profile last practised, and today's local day. */
  async bestAndLast(
    profileId: string,
    now: string,
  ): Promise<{ best: number | null; last: string | null; today: string } | undefined> {
    const extremes = await sql<{ best: number | null; last: string | null; today: string }>`
      SELECT (SELECT max(overall) FROM session_summaries WHERE user_id = ${profileId}) AS best,
        (SELECT max(finished_at) FROM session_summaries WHERE user_id = ${profileId}) AS last,
        date(${now}, 'localtime') AS today`.execute(this.db);
    return extremes.rows[0];
  }

  /** The local days the profile practised on, newest first. */
  async practisedDays(profileId: string): Promise<string[]> {
    const days = await sql<{ day: string }>`
      SELECT day FROM progress_days WHERE user_id = ${profileId} ORDER BY day DESC`.execute(
      this.db,
    );
    return days.rows.map((r) => r.day);
  }

  /** Mean score and answer count per skill, most practised first. */
  async skillScores(
    profileId: string,
  ): Promise<{ skill: string; score: number; answers: number }[]> {
    const rows = await sql<{ skill: string; score: number; answers: number }>`
      SELECT skill, score_sum / answers AS score, answers FROM progress_skills
      WHERE user_id = ${profileId} AND answers > 0 ORDER BY answers DESC, skill`.execute(this.db);
    return rows.rows;
  }

  /** Today's local day and the profile's first day practised (null when none). */
  async todayAndFirstDay(
    profileId: string,
    now: string,
  ): Promise<{ today: string; first: string | null } | undefined> {
    const bounds = await sql<{ today: string; first: string | null }>`
      SELECT date(${now}, 'localtime') AS today,
        (SELECT min(day) FROM progress_days WHERE user_id = ${profileId}) AS first`.execute(
      this.db,
    );
    return bounds.rows[0];
  }

  /** The days from `from` to `to` (inclusive) with a session, grouped into periods. */
  async periods(
    profileId: string,
    bucket: ProgressBucket,
    from: string,
    to: string,
  ): Promise<ProgressPeriodRow[]> {
    const period = sql.raw(PERIOD_SQL[bucket]);
    const rows = await sql<ProgressPeriodRow>`
      SELECT ${period} AS period, sum(sessions) AS sessions,
        sum(overall_sum) / sum(sessions) AS overall, sum(content_sum) / sum(sessions) AS content,
        sum(communication_sum) / sum(sessions) AS communication,
        sum(technical_sum) / sum(sessions) AS technical,
        sum(relevance_sum) / sum(sessions) AS relevance, sum(words) AS words,
        sum(fillers) AS fillers, sum(spoken_words) AS spoken_words,
        sum(spoken_seconds) AS spoken_seconds
      FROM progress_days
      WHERE user_id = ${profileId} AND day >= ${from} AND day <= ${to} AND sessions > 0
      GROUP BY period ORDER BY period`.execute(this.db);
    return rows.rows;
  }

  /** The profile's `limit` most practised skills (by answers, then name). */
  async mostPractisedSkills(profileId: string, limit: number): Promise<string[]> {
    const rows = await sql<{ skill: string }>`
        SELECT skill FROM progress_skills WHERE user_id = ${profileId} AND answers > 0
        ORDER BY answers DESC, skill LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((r) => r.skill);
  }

  /** Mean score and answers per skill and period, from `from` to `to` (inclusive). */
  async skillPeriods(
    profileId: string,
    skills: readonly string[],
    bucket: ProgressBucket,
    from: string,
    to: string,
  ): Promise<{ skill: string; period: string; score: number; answers: number }[]> {
    if (skills.length === 0) return [];
    const period = sql.raw(PERIOD_SQL[bucket]);
    const rows = await sql<{ skill: string; period: string; score: number; answers: number }>`
              SELECT skill, ${period} AS period, sum(score_sum) / sum(answers) AS score,
                sum(answers) AS answers
              FROM progress_skill_days
              WHERE user_id = ${profileId} AND skill IN (${sql.join([...skills])})
                AND day >= ${from} AND day <= ${to} AND answers > 0
              GROUP BY skill, period ORDER BY period`.execute(this.db);
    return rows.rows;
  }

  /** Questions the profile answered more than once, most recent first, with first and last score. */
  async repeatedQuestions(profileId: string, limit: number): Promise<RepeatedQuestionRow[]> {
    const rows = await sql<RepeatedQuestionRow>`
      WITH repeated AS (
        SELECT a.question_id, count(*) AS attempts, min(a.answered_at) AS first,
          max(a.answered_at) AS last
        FROM answers a JOIN interview_sessions s ON s.id = a.session_id
        WHERE s.user_id = ${profileId}
        GROUP BY a.question_id HAVING count(*) > 1
        ORDER BY last DESC LIMIT ${limit}
      )
      SELECT r.question_id, q.content, r.attempts, r.last,
        (SELECT f.overall_score FROM answers a JOIN interview_sessions s ON s.id = a.session_id
          LEFT JOIN feedback f ON f.answer_id = a.id
          WHERE a.question_id = r.question_id AND s.user_id = ${profileId}
          ORDER BY a.answered_at ASC LIMIT 1) AS first_score,
        (SELECT f.overall_score FROM answers a JOIN interview_sessions s ON s.id = a.session_id
          LEFT JOIN feedback f ON f.answer_id = a.id
          WHERE a.question_id = r.question_id AND s.user_id = ${profileId}
          ORDER BY a.answered_at DESC LIMIT 1) AS last_score
      FROM repeated r JOIN questions q ON q.id = r.question_id
      ORDER BY r.last DESC`.execute(this.db);
    return rows.rows;
  }
}
