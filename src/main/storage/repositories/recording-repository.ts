import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DatabaseSchema, RecordingsTable } from '../schema';

export type RecordingRow = Selectable<RecordingsTable>;

/** Spoken answers on disk (recordings). The only code that reads or writes these tables. */
export class RecordingRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: Insertable<RecordingsTable>): Promise<void> {
    await this.db.insertInto('recordings').values(row).execute();
  }

  async byId(recordingId: string): Promise<RecordingRow | undefined> {
    return this.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', recordingId)
      .executeTakeFirst();
  }

  /** The recording, if it is this person's. */
  async ofProfile(profileId: string, recordingId: string): Promise<RecordingRow | undefined> {
    return this.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', recordingId)
      .where('user_id', '=', profileId)
      .executeTakeFirst();
  }

  /** This person's latest recording that became the answer. */
  async latestOfAnswer(profileId: string, answerId: string): Promise<RecordingRow | undefined> {
    return this.db
      .selectFrom('recordings')
      .selectAll()
      .where('answer_id', '=', answerId)
      .where('user_id', '=', profileId)
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
  }

  /** A person's interrupted recordings (of one session when given), newest first. */
  async interrupted(profileId: string, sessionId?: string): Promise<RecordingRow[]> {
    let query = this.db
      .selectFrom('recordings')
      .selectAll()
      .where('user_id', '=', profileId)
      .where('status', '=', 'interrupted');
    if (sessionId) query = query.where('session_id', '=', sessionId);
    return query.orderBy('started_at', 'desc').execute();
  }

  async withStatus(status: string): Promise<RecordingRow[]> {
    return this.db.selectFrom('recordings').selectAll().where('status', '=', status).execute();
  }

  /** Recordings in one of these statuses whose files are still on disk. */
  async withFilesIn(statuses: readonly string[]): Promise<RecordingRow[]> {
    return this.db
      .selectFrom('recordings')
      .selectAll()
      .where('files_deleted_at', 'is', null)
      .where('status', 'in', [...statuses])
      .execute();
  }

  async update(recordingId: string, changes: Updateable<RecordingsTable>): Promise<void> {
    await this.db.updateTable('recordings').set(changes).where('id', '=', recordingId).execute();
  }

  /** The delivery analytics (JSON) of the answer's recording; null when it has none. */
  async deliveryOfAnswer(answerId: string): Promise<string | null> {
    const recording = await this.db
      .selectFrom('recordings')
      .select('delivery')
      .where('answer_id', '=', answerId)
      .where('delivery', 'is not', null)
      .executeTakeFirst();
    return recording?.delivery ?? null;
  }
}
