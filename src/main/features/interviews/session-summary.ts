import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../../storage/schema';

/**
 * Rewrites a session's rows in session_summaries and session_skill_scores (migration 0004) from
 * its answers and feedback. Only a completed session with a final overall score has a summary;
 * otherwise its rows are removed. The dimension averages follow the results screen: every
 * question shown counts, a skipped one as 0.
 */
export async function refreshSessionSummary(
  db: Kysely<DatabaseSchema>,
  sessionId: string,
): Promise<void> {
  await refreshSummaries(db, sql`s.id = ${sessionId}`);
}

/** The same for every session of a profile at once (bulk imports, the benchmark's seed). */
export async function refreshProfileSummaries(
  db: Kysely<DatabaseSchema>,
  profileId: string,
): Promise<void> {
  await refreshSummaries(db, sql`s.user_id = ${profileId}`);
}

async function refreshSummaries(db: Kysely<DatabaseSchema>, which: RawBuilder<unknown>) {
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
