import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** The LLM's written feedback on a session (written_feedback). The only code that reads or writes these tables. */
export class WrittenFeedbackRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
