// Recording rows as the contract shows them, and the link from a recording to its answer.
import type { RecordingInfo, RecordingStatus } from '../../../shared/contract/recording';
import { AppError } from '../../platform/errors';
import type { Repositories } from '../../storage/repositories';
import type { RecordingRow } from '../../storage/repositories/recording-repository';

export function toInfo(row: RecordingRow): RecordingInfo {
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
 * Takes the transaction's repositories.
 */
export async function linkRecordingToAnswer(
  { recordings, answers }: Pick<Repositories, 'recordings' | 'answers'>,
  link: { recordingId: string; answerId: string; sessionId: string; questionId: string },
): Promise<void> {
  const row = await recordings.byId(link.recordingId);
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
  await answers.setAnswerMedia(link.answerId, row.audio_path, row.video_path);
  await recordings.update(link.recordingId, { answer_id: link.answerId });
}
