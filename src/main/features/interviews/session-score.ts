import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../storage/schema';
import { refreshSessionSummary } from './session-summary';

/**
 * Stores a completed session's overall score once every answer is scored: the mean over the
 * questions the candidate was shown, a skipped question counting 0. Questions never reached
 * (the session ended early) are left out; the results screen says how many there were.
 */
export async function refreshSessionScore(
  db: Kysely<DatabaseSchema>,
  sessionId: string,
): Promise<void> {
  const session = await db
    .selectFrom('interview_sessions')
    .select('status')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (session?.status !== 'completed') return;
  const rows = await db
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
  await db
    .updateTable('interview_sessions')
    .set({ overall_score: overall })
    .where('id', '=', sessionId)
    .execute();
  // Dashboards and progress charts read the per-session summary (issue: reports).
  await refreshSessionSummary(db, sessionId);
}
