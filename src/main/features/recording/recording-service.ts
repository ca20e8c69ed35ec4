// Spoken answers on disk: a WAV per recording under <dataDir>/recordings/<session>/, appended chunk
// by chunk as the renderer streams it (synced at least once a second), a webm beside it when the
// camera is on. Crash recovery, retention and linking to answers live here too.
import fs from 'node:fs';
import path from 'node:path';
import type { RecordingInfo, RecordingStatus } from '../../../shared/contract/recording';
import { AppError, notFound } from '../../platform/errors';
import type { RecordingRow } from '../../storage/repositories/recording-repository';
import { withRepositories } from '../../storage/repositories';
import type { ServiceContext } from '../service-context';
import { SettingsService } from '../settings/settings-service';
import { rmsDb } from '../../engines/speech/audio-features';
import { toInfo } from './recording-rows';
import { LiveTranscriber } from '../../engines/speech/live-transcriber';
import type { SpeechEngine } from '../../engines/speech/speech-pipeline';
import { JOB_TYPES } from '../../jobs/job-types';
import {
  diskError,
  repairWavHeader,
  SYNC_INTERVAL_MS,
  WavAppender,
} from '../../engines/speech/wav-appender';
import { pcm16ToFloat, SPEECH_SAMPLE_RATE } from '../../engines/speech/wav-format';

export const RECORDINGS_FOLDER = 'recordings';

interface OpenRecording {
  readonly profileId: string;
  readonly sessionId: string;
  readonly questionId: string;
  readonly audio: WavAppender;
  nextSeq: number;
  video: { fd: number; bytes: number; nextSeq: number; lastSync: number } | null;
  readonly live: LiveTranscriber | null;
}

export class RecordingService {
  private readonly open = new Map<string, OpenRecording>();
  private readonly settings: SettingsService;

  constructor(
    readonly ctx: ServiceContext,
    readonly dataDir: string,
    private readonly engine: () => SpeechEngine | null,
  ) {
    this.settings = new SettingsService(ctx);
  }

  async start(input: {
    profileId: string;
    sessionId: string;
    questionId: string;
    withVideo: boolean;
  }): Promise<{ recordingId: string; sampleRate: number; liveTranscript: boolean }> {
    const session = await this.ctx.repos.sessions.owned(input);
    if (session.status !== 'active' || session.current_question_id !== input.questionId) {
      throw new AppError(
        'INVALID_STATE',
        'Recording is only possible for the current question of an interview in progress.',
      );
    }
    const id = this.ctx.ids();
    const folder = path.join(RECORDINGS_FOLDER, input.sessionId);
    const audioPath = path.join(folder, `${id}.wav`);
    const videoPath = input.withVideo ? path.join(folder, `${id}.webm`) : null;
    try {
      fs.mkdirSync(path.join(this.dataDir, folder), { recursive: true });
    } catch (error) {
      throw diskError(error);
    }
    const audio = WavAppender.create(path.join(this.dataDir, audioPath));
    const now = this.ctx.clock.now().toISOString();
    await this.ctx.repos.recordings.insert({
      id,
      user_id: input.profileId,
      session_id: input.sessionId,
      question_id: input.questionId,
      answer_id: null,
      status: 'recording',
      audio_path: audioPath,
      video_path: videoPath,
      duration_seconds: 0,
      transcript: null,
      delivery: null,
      model_id: null,
      language: null,
      note: null,
      started_at: now,
      stopped_at: null,
      files_deleted_at: null,
      updated_at: now,
    });
    const engine = this.engine();
    const language = (await this.settings.get(input.profileId)).speechLanguage;
    const live = engine?.canTranscribe
      ? new LiveTranscriber(engine, language, (text) =>
          this.ctx.events.emit('recording.transcript', {
            recordingId: id,
            sessionId: input.sessionId,
            questionId: input.questionId,
            kind: 'partial',
            text,
            note: null,
          }),
        )
      : null;
    this.open.set(id, { ...input, audio, nextSeq: 0, video: null, live });
    return { recordingId: id, sampleRate: SPEECH_SAMPLE_RATE, liveTranscript: live !== null };
  }

  async appendAudio(input: {
    profileId: string;
    recordingId: string;
    seq: number;
    pcm16Base64: string;
  }): Promise<{ receivedSeconds: number; levelDb: number }> {
    const rec = this.openFor(input.profileId, input.recordingId);
    const pcm = Buffer.from(input.pcm16Base64, 'base64');
    // A chunk sent again (the renderer retries after a timeout) is ignored.
    if (input.seq < rec.nextSeq) {
      return { receivedSeconds: rec.audio.durationSeconds, levelDb: -120 };
    }
    rec.audio.append(pcm);
    rec.nextSeq = input.seq + 1;
    const samples = pcm16ToFloat(pcm);
    rec.live?.push(samples);
    return {
      receivedSeconds: Math.round(rec.audio.durationSeconds * 1000) / 1000,
      levelDb: Math.round(rmsDb(samples) * 10) / 10,
    };
  }

  async appendVideo(input: {
    profileId: string;
    recordingId: string;
    seq: number;
    webmBase64: string;
  }): Promise<{ receivedBytes: number }> {
    const rec = this.openFor(input.profileId, input.recordingId);
    const row = await this.row(input.profileId, input.recordingId);
    if (!row.video_path) {
      throw new AppError('INVALID_STATE', 'This recording was started without the camera.');
    }
    if (!rec.video) {
      try {
        const fd = fs.openSync(path.join(this.dataDir, row.video_path), 'a');
        rec.video = { fd, bytes: 0, nextSeq: 0, lastSync: Date.now() };
      } catch (error) {
        throw diskError(error);
      }
    }
    const video = rec.video;
    if (input.seq < video.nextSeq) return { receivedBytes: video.bytes };
    const data = Buffer.from(input.webmBase64, 'base64');
    try {
      fs.writeSync(video.fd, data);
    } catch (error) {
      throw diskError(error);
    }
    video.bytes += data.length;
    video.nextSeq = input.seq + 1;
    if (Date.now() - video.lastSync >= SYNC_INTERVAL_MS) {
      fs.fsyncSync(video.fd);
      video.lastSync = Date.now();
    }
    return { receivedBytes: video.bytes };
  }

  /** Closes the files, keeps what was recorded (even after a device error) and queues transcription. */
  async stop(input: {
    profileId: string;
    recordingId: string;
    reason: 'done' | 'device-lost' | 'error';
  }): Promise<{ recording: RecordingInfo; jobId: string }> {
    const rec = this.openFor(input.profileId, input.recordingId);
    this.closeFiles(input.recordingId, rec);
    const note =
      input.reason === 'device-lost'
        ? 'The microphone was disconnected; the audio up to that moment was kept.'
        : null;
    const jobId = await this.finish(input.recordingId, rec.audio.durationSeconds, note);
    await this.sweepExpired();
    return { recording: await this.get(input.profileId, input.recordingId), jobId };
  }

  async discard(profileId: string, recordingId: string): Promise<{ discarded: boolean }> {
    const row = await this.row(profileId, recordingId);
    const rec = this.open.get(recordingId);
    if (rec) this.closeFiles(recordingId, rec);
    this.deleteFiles(row);
    await this.setStatus(recordingId, 'discarded', { files_deleted_at: this.nowIso() });
    return { discarded: true };
  }

  async get(profileId: string, recordingId: string): Promise<RecordingInfo> {
    return toInfo(await this.row(profileId, recordingId));
  }

  async recoverable(profileId: string, sessionId?: string): Promise<RecordingInfo[]> {
    return (await this.ctx.repos.recordings.interrupted(profileId, sessionId)).map(toInfo);
  }

  async recover(
    profileId: string,
    recordingId: string,
  ): Promise<{ recording: RecordingInfo; jobId: string }> {
    const row = await this.row(profileId, recordingId);
    if (row.status !== 'interrupted') {
      throw new AppError('INVALID_STATE', `This recording is ${row.status}, not interrupted.`);
    }
    const jobId = await this.finish(recordingId, row.duration_seconds, row.note);
    return { recording: await this.get(profileId, recordingId), jobId };
  }

  /**
   * At start-up: recordings still marked 'recording' were cut short by a crash. Their WAV headers
   * are repaired and they are offered back as 'interrupted'.
   */
  async repairInterrupted(): Promise<number> {
    const rows = await this.ctx.repos.recordings.withStatus('recording');
    let repaired = 0;
    for (const row of rows) {
      if (this.open.has(row.id)) continue;
      const file = path.join(this.dataDir, row.audio_path);
      let duration = 0;
      let note =
        'Rehearse closed while this answer was being recorded; the audio up to then was kept.';
      try {
        duration = repairWavHeader(file).durationSeconds;
      } catch {
        note =
          'Rehearse closed while this answer was being recorded, and its audio file is missing.';
      }
      await this.setStatus(row.id, 'interrupted', { duration_seconds: duration, note });
      repaired++;
    }
    return repaired;
  }

  /** Deletes recording files older than each profile's retention setting; transcripts stay. */
  async sweepExpired(): Promise<number> {
    const rows = await this.ctx.repos.recordings.withFilesIn([
      'stopped',
      'transcribed',
      'interrupted',
    ]);
    const now = this.ctx.clock.now().getTime();
    const days = new Map<string, number>();
    let deleted = 0;
    for (const row of rows) {
      if (!days.has(row.user_id)) {
        days.set(row.user_id, (await this.settings.get(row.user_id)).recordingRetentionDays);
      }
      const keep = days.get(row.user_id)!;
      if (keep === 0 || now - Date.parse(row.started_at) < keep * 86_400_000) continue;
      this.deleteFiles(row);
      await this.ctx.repos.recordings.update(row.id, {
        files_deleted_at: this.nowIso(),
        updated_at: this.nowIso(),
      });
      if (row.answer_id) await this.ctx.repos.answers.setAnswerMedia(row.answer_id, null, null);
      deleted++;
    }
    return deleted;
  }

  /** Absolute path of a recording's WAV (the transcription job reads it). */
  audioFile(row: Pick<RecordingRow, 'audio_path'>): string {
    return path.join(this.dataDir, row.audio_path);
  }

  /** Closes whatever is still open (app shutdown): headers are written, nothing is lost. */
  closeAll(): void {
    for (const [id, rec] of this.open) this.closeFiles(id, rec);
  }

  private async finish(
    recordingId: string,
    duration: number,
    note: string | null,
  ): Promise<string> {
    const jobId = await withRepositories(this.ctx.db, async (repos) => {
      await repos.recordings.update(recordingId, {
        status: 'stopped',
        duration_seconds: Math.round(duration * 1000) / 1000,
        note,
        stopped_at: this.nowIso(),
        updated_at: this.nowIso(),
      });
      return this.ctx.jobs.enqueue(JOB_TYPES.transcribeRecording, { recordingId }, repos.jobs);
    });
    this.ctx.jobs.kick();
    return jobId;
  }

  private closeFiles(id: string, rec: OpenRecording): void {
    this.open.delete(id);
    rec.live?.stop();
    rec.audio.close();
    if (rec.video) {
      fs.fsyncSync(rec.video.fd);
      fs.closeSync(rec.video.fd);
    }
  }

  private deleteFiles(row: Pick<RecordingRow, 'audio_path' | 'video_path'>): void {
    for (const file of [row.audio_path, row.video_path]) {
      if (file) fs.rmSync(path.join(this.dataDir, file), { force: true });
    }
  }

  private openFor(profileId: string, recordingId: string): OpenRecording {
    const rec = this.open.get(recordingId);
    if (!rec || rec.profileId !== profileId) {
      throw new AppError(
        'INVALID_STATE',
        'This recording is not in progress (it was stopped, or Rehearse restarted); start a new one.',
      );
    }
    return rec;
  }

  private async row(profileId: string, recordingId: string): Promise<RecordingRow> {
    const row = await this.ctx.repos.recordings.ofProfile(profileId, recordingId);
    if (!row) throw notFound('Recording', recordingId);
    return row;
  }

  private async setStatus(
    id: string,
    status: RecordingStatus,
    extra: Partial<RecordingRow> = {},
  ): Promise<void> {
    await this.ctx.repos.recordings.update(id, { ...extra, status, updated_at: this.nowIso() });
  }

  private nowIso(): string {
    return this.ctx.clock.now().toISOString();
  }
}
