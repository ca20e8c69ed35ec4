import { z } from 'zod';
import type { DeliveryAnalytics, Transcript } from '../../../shared/contract/recording';
import type { JobDefinition } from '../../jobs/job-queue';
import type { ServiceContext } from '../service-context';
import { SCORE_ANSWER_JOB } from '../interviews/score-answer-job';
import { SettingsService } from '../settings/settings-service';
import {
  detectSpeech,
  transcribeSamples,
  type SpeechEngine,
} from '../../engines/speech/speech-pipeline';
import { deliveryOf } from '../../assessment/delivery/delivery-analytics';
import { readWavFile } from '../../engines/speech/wav-format';
import path from 'node:path';

export const TRANSCRIBE_RECORDING_JOB = 'transcribe-recording';

const payloadSchema = z.object({ recordingId: z.string().min(1) });

/**
 * The final pass over a stopped recording: speech detection, Whisper (when a model is installed),
 * guards, delivery analytics. Stores them on the recording with the model's id, pushes the final
 * transcript to the UI, and re-scores the answer if it was already submitted.
 */
export function transcribeRecordingJob(
  ctx: ServiceContext,
  dataDir: string,
  engine: () => SpeechEngine | null,
): JobDefinition<typeof payloadSchema> {
  const settings = new SettingsService(ctx);
  return {
    type: TRANSCRIBE_RECORDING_JOB,
    payload: payloadSchema,
    maxAttempts: 2,
    async run({ recordingId }, job) {
      const { repos, events } = ctx;
      const row = await repos.recordings.byId(recordingId);
      if (!row || row.status === 'discarded' || row.files_deleted_at) return;
      job.progress('reading', 0, 3);
      const audio = readWavFile(path.join(dataDir, row.audio_path), { label: 'The recording' });
      const prefs = await settings.get(row.user_id);
      const speechEngine = engine();
      job.progress('detecting speech', 1, 3);
      const speech = await detectSpeech(audio.samples, speechEngine);
      let transcript: Transcript | null = null;
      let note: string | null = row.note;
      if (speechEngine?.canTranscribe) {
        job.progress('transcribing', 2, 3);
        transcript = await transcribeSamples(audio.samples, speechEngine, {
          language: prefs.speechLanguage,
          signal: job.signal,
          speech: speech.spans,
        });
        if (!transcript.transcript) note = note ?? 'No speech was heard in this recording.';
      } else {
        note =
          note ??
          'No speech-recognition model is installed: type your answer, or install a Whisper model.';
      }
      const delivery: DeliveryAnalytics = deliveryOf(
        audio.samples,
        speech.spans,
        transcript,
        prefs.fillerWords,
      );
      if (job.signal.aborted) return;
      await repos.recordings.update(recordingId, {
        status: 'transcribed',
        transcript: transcript ? JSON.stringify(transcript) : null,
        delivery: JSON.stringify(delivery),
        model_id: transcript?.modelId ?? null,
        language: transcript?.language ?? null,
        duration_seconds: Math.round(audio.durationSeconds * 1000) / 1000,
        note,
        updated_at: ctx.clock.now().toISOString(),
      });
      if (row.answer_id) {
        await ctx.jobs.enqueue(SCORE_ANSWER_JOB, { answerId: row.answer_id });
      }
      job.progress('done', 3, 3);
      events.emit('recording.transcript', {
        recordingId,
        sessionId: row.session_id,
        questionId: row.question_id,
        kind: 'final',
        text: transcript?.transcript ?? '',
        note,
      });
    },
  };
}
