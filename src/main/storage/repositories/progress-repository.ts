import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Progress read models kept by triggers (session_summaries, session_skill_scores, progress_*). The only code that reads or writes these tables. */
export class ProgressRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
