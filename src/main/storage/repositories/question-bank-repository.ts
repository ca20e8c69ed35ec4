import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** The question bank: roles (job_roles), packs (question_packs), questions and their full-text index. The only code that reads or writes these tables. */
export class QuestionBankRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
