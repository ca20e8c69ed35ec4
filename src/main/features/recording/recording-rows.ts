// Recording rows as the contract shows them, and the link from a recording to its answer.
import type { Kysely } from 'kysely';
import type { RecordingInfo, RecordingStatus } from '../../../shared/contract/recording';
import { AppError } from '../../platform/errors';
import type { DatabaseSchema, RecordingsTable } from '../../storage/schema';

export function toInfo(row: RecordingsTable): RecordingInfo {
  return {
    id: row.id,
    sessionId: row.session_id,
    questionId: row.question_id,
    status: row.status as RecordingStatus,
    durationSeconds: row.duration_seconds,
    hasVideo: row.video_path !== null && row.files_deleted_at === null,
    startedAt: row.started_at,
    transcript: row.transcript ? (JSON.parse(row.transcript) as RecordingInfo['transcript']) : null,
    delivery: row.delivery ? (JSON.parse(row.delivery) as RecordingInfo['delivery']) : null,
    note: row.note,
  };
}

/**
 * Links a recording to the answer it became (inside the answer's transaction): answers.audio_url
 * and video_url point at its files. The recording must be this question's and not discarded.
 */
export async function linkRecordingToAnswer(
  trx: Kysely<DatabaseSchema>,
  link: { recordingId: string; answerId: string; sessionId: string; questionId: string },
): Promise<void> {
  const row = await trx
    .selectFrom('recordings')
    .select(['id', 'session_id', 'question_id', 'status', 'audio_path', 'video_path'])
    .where('id', '=', link.recordingId)
    .executeTakeFirst();
  if (!row || row.session_id !== link.sessionId || row.question_id !== link.questionId) {
    throw new AppError('VALIDATION', 'That recording does not belong to this question.');
  }
  if (row.status === 'discarded' || row.status === 'recording') {
    throw new AppError(
      'INVALID_STATE',
      row.status === 'recording'
        ? 'Stop the recording before you submit the answer.'
        : 'That recording was discarded.',
    );
  }
  await trx
    .updateTable('answers')
    .set({ audio_url: row.audio_path, video_url: row.video_path })
    .where('id', '=', link.answerId)
    .execute();
  await trx
    .updateTable('recordings')
    .set({ answer_id: link.answerId })
    .where('id', '=', link.recordingId)
    .execute();
}
