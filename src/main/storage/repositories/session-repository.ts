import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Interview sessions and the questions planned for them (interview_sessions, session_questions). The only code that reads or writes these tables. */
export class SessionRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
