import type { Handlers } from '../../../shared/contract';
import type { RecordingService } from './recording-service';
import { answerAudio } from './answer-audio';

type RecordingHandlerName = Extract<keyof Handlers, `recording.${string}`>;

/** The recording domain of the contract: thin adapters to the recording service. */
export function recordingHandlers(
  recordings: RecordingService,
): Pick<Handlers, RecordingHandlerName> {
  return {
    'recording.start': (input) => recordings.start(input),
    'recording.appendAudio': (input) => recordings.appendAudio(input),
    'recording.appendVideo': (input) => recordings.appendVideo(input),
    'recording.stop': (input) => recordings.stop(input),
    'recording.discard': ({ profileId, recordingId }) => recordings.discard(profileId, recordingId),
    'recording.get': ({ profileId, recordingId }) => recordings.get(profileId, recordingId),
    'recording.recoverable': ({ profileId, sessionId }) =>
      recordings.recoverable(profileId, sessionId),
    'recording.recover': ({ profileId, recordingId }) => recordings.recover(profileId, recordingId),
    'recording.answerAudio': ({ profileId, answerId }) =>
      answerAudio(recordings.ctx, recordings.dataDir, profileId, answerId),
  };
}
