import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Follow-up questions asked and their evaluations (follow_up_questions, follow_up_evaluations). The only code that reads or writes these tables. */
export class FollowUpRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
