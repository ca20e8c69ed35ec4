import type { DeliveryAnalytics, Transcript } from '../../../shared/contract/recording';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import type { ServiceContext } from '../service-context';
import { SettingsService } from '../settings/settings-service';
import {
  detectSpeech,
  transcribeSamples,
  type SpeechEngine,
} from '../../engines/speech/speech-pipeline';
import { deliveryOf } from '../../assessment/delivery/delivery-analytics';
import { readWavFile } from '../../engines/speech/wav-format';
import path from 'node:path';

/**
 * The final pass over a stopped recording: speech detection, Whisper (when a model is installed),
 * guards, delivery analytics. Stores them on the recording with the model's id, pushes the final
 * transcript to the UI, and re-scores the answer if it was already submitted.
 */
export const transcribeRecordingJob = defineJob(
  JOB_TYPES.transcribeRecording,
  ({
    ctx,
    dataDir,
    engine,
  }: {
    ctx: ServiceContext;
    dataDir: string;
    engine: () => SpeechEngine | null;
  }) => {
    const settings = new SettingsService(ctx);
    return async ({ recordingId }, job) => {
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
        await ctx.jobs.enqueue(JOB_TYPES.scoreAnswer, { answerId: row.answer_id });
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
    };
  },
);
