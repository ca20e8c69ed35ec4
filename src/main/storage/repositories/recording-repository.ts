import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema';

/** Recorded answers (recordings): files, transcripts, delivery analytics. The only code that reads or writes these tables. */
export class RecordingRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}
}
