import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Answers and their scored feedback (answers, feedback). The only code that reads or writes these tables. */
export class AnswerRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
