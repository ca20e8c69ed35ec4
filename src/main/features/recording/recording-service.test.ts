import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { deferred } from '../../testing/deferred';
import { sharedModelPath } from '../../testing/models';
import { voiceLikeAudio } from '../../testing/audio';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { RecordingService } from './recording-service';
import { floatToPcm16, readWavFile } from '../../engines/speech/wav-format';

const TINY = sharedModelPath('whisper-test/ggml-tiny-random.bin');
const VAD = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');

let dataDir: string;
let app: TestApp;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-recordings-'));
});
afterEach(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A voice-like answer: 1 s silence, 3 s speech, 2.5 s pause, 3 s speech, 0.5 s silence. */
const ANSWER = voiceLikeAudio({
  durationSeconds: 10,
  speech: [
    [1, 4],
    [6.5, 9.5],
  ],
});

async function activeQuestion(t: TestApp) {
  const profile = await t.call('profiles.create', { name: 'Sam', level: 'entry' });
  const created = await t.call('interviews.create', {
    profileId: profile.id,
    roleId: 'software-engineer',
    level: 'entry',
    questionCount: 1,
    seed: 1,
  });
  const state = await t.call('interviews.start', { profileId: profile.id, sessionId: created.id });
  return { profileId: profile.id, sessionId: created.id, questionId: state.currentQuestion!.id };
}

/** Streams samples in 250 ms chunks, as the renderer does. */
async function stream(t: TestApp, profileId: string, recordingId: string, samples: Float32Array) {
  const chunk = 4000;
  for (let seq = 0; seq * chunk < samples.length; seq++) {
    const pcm = floatToPcm16(samples.subarray(seq * chunk, (seq + 1) * chunk));
    await t.call('recording.appendAudio', {
      profileId,
      recordingId,
      seq,
      pcm16Base64: pcm.toString('base64'),
    });
  }
}

describe('recording a spoken answer', () => {
  it('writes what was sent to a WAV, analyses it without models, and links it to the answer', async () => {
    app = await createTestApp({ dataDir });
    const q = await activeQuestion(app);
    const finals: EventPayload<'recording.transcript'>[] = [];
    app.events.on('recording.transcript', (e) => finals.push(e));
    const { recordingId, liveTranscript } = await app.call('recording.start', q);
    expect(liveTranscript).toBe(false);
    await stream(app, q.profileId, recordingId, ANSWER);
    // A retried chunk is ignored.
    const again = await app.call('recording.appendAudio', {
      profileId: q.profileId,
      recordingId,
      seq: 3,
      pcm16Base64: floatToPcm16(ANSWER.subarray(0, 4000)).toString('base64'),
    });
    expect(again.receivedSeconds).toBe(10);
    const stopped = await app.call('recording.stop', { profileId: q.profileId, recordingId });
    expect(stopped.recording.durationSeconds).toBe(10);
    await app.jobs.whenIdle();

    const file = path.join(dataDir, 'recordings', q.sessionId, `${recordingId}.wav`);
    const onDisk = readWavFile(file);
    expect(onDisk.samples.length).toBe(ANSWER.length);
    expect(Buffer.compare(floatToPcm16(onDisk.samples), floatToPcm16(ANSWER))).toBe(0);

    const info = await app.call('recording.get', { profileId: q.profileId, recordingId });
    expect(info.status).toBe('transcribed');
    expect(info.transcript).toBeNull();
    expect(info.note).toMatch(/No speech-recognition model/);
    expect(info.delivery?.speechStartSeconds).toBeCloseTo(1, 1);
    expect(info.delivery?.speakingSeconds).toBeCloseTo(6, 0);
    expect(info.delivery?.pauses.count).toBe(1);
    expect(finals).toEqual([
      expect.objectContaining({ recordingId, kind: 'final', text: '', note: info.note }),
    ]);

    const reply = await app.call('interviews.answer', {
      ...q,
      text: 'I would profile the slow query and add an index.',
      recordingId,
    });
    await app.jobs.whenIdle();
    const answer = await app.context.db
      .selectFrom('answers')
      .select(['audio_url', 'video_url'])
      .where('id', '=', reply.answerId)
      .executeTakeFirstOrThrow();
    expect(answer).toEqual({
      audio_url: path.join('recordings', q.sessionId, `${recordingId}.wav`),
      video_url: null,
    });
    const feedback = await app.context.db
      .selectFrom('feedback')
      .select(['details', 'improvements'])
      .where('answer_id', '=', reply.answerId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(feedback.details)).toHaveProperty('delivery.pauses.count', 1);

    // Played back on the results page: the very bytes on disk; for this person only.
    const played = await app.call('recording.answerAudio', {
      profileId: q.profileId,
      answerId: reply.answerId,
    });
    expect(Buffer.from(played.audioBase64!, 'base64').equals(fs.readFileSync(file))).toBe(true);
    expect(played.words).toEqual([]); // no speech-recognition model here
    expect(played.durationSeconds).toBe(10);
    const other = await app.call('profiles.create', { name: 'Other' });
    await expect(
      app.call('recording.answerAudio', { profileId: other.id, answerId: reply.answerId }),
    ).rejects.toThrow(/not found/i);
  });

  it('transcribes with the test model: live partials while speaking, then the final pass', async () => {
    app = await createTestApp({ dataDir, speechModels: { whisper: TINY, vad: VAD } });
    const q = await activeQuestion(app);
    const events: EventPayload<'recording.transcript'>[] = [];
    const firstPartial = deferred();
    app.events.on('recording.transcript', (e) => {
      events.push(e);
      if (e.kind === 'partial') firstPartial.resolve();
    });
    const { recordingId, liveTranscript } = await app.call('recording.start', q);
    expect(liveTranscript).toBe(true);
    const speech = readWavFile(sharedModelPath('whisper-test/jfk.wav')).samples;
    await stream(app, q.profileId, recordingId, speech);
    // A partial transcript arrives while still recording, before stop.
    await firstPartial.promise;
    await app.call('recording.stop', { profileId: q.profileId, recordingId });
    await app.jobs.whenIdle();
    const info = await app.call('recording.get', { profileId: q.profileId, recordingId });
    expect(info.transcript?.modelId).toBe('ggml-tiny-random.bin@4cd8459d7a48');
    expect(info.transcript?.speech).toHaveLength(4);
    expect(info.transcript?.segments.length).toBeGreaterThan(0);
    expect(info.delivery?.wordsPerMinute).not.toBeNull();
    const final = events.find((e) => e.kind === 'final');
    expect(final?.text).toBe(info.transcript?.transcript);
    expect(events.findIndex((e) => e.kind === 'final')).toBe(events.length - 1);
  });

  it('repairs a recording cut short by a crash and offers it back', async () => {
    const databaseLocation = path.join(dataDir, 'rehearse.db');
    const t1 = await createTestApp({ dataDir, databaseLocation });
    const q = await activeQuestion(t1);
    const { recordingId } = await t1.call('recording.start', q);
    await stream(t1, q.profileId, recordingId, ANSWER.subarray(0, 6 * 16000));
    // The process dies: no stop, no close of the WAV; only the database handle goes away.
    await t1.jobs.stop();
    await t1.database.close();
    // The OS drops a dead process's lock on the data folder.
    t1.dataLock?.release();
    const header = fs
      .readFileSync(path.join(dataDir, 'recordings', q.sessionId, `${recordingId}.wav`))
      .subarray(0, 44);
    expect(header.readUInt32LE(40)).toBe(0);

    app = await createTestApp({
      dataDir,
      databaseLocation: path.join(dataDir, 'rehearse.db'),
    });
    const offered = await app.call('recording.recoverable', { profileId: q.profileId });
    expect(offered).toEqual([
      expect.objectContaining({ id: recordingId, status: 'interrupted', durationSeconds: 6 }),
    ]);
    expect(offered[0]!.note).toMatch(/closed while this answer was being recorded/);
    const { jobId } = await app.call('recording.recover', { profileId: q.profileId, recordingId });
    await app.jobs.whenIdle();
    expect((await app.call('jobs.get', { jobId })).status).toBe('done');
    const info = await app.call('recording.get', { profileId: q.profileId, recordingId });
    expect(info.status).toBe('transcribed');
    expect(info.delivery?.durationSeconds).toBe(6);
    expect(await app.call('recording.recoverable', { profileId: q.profileId })).toEqual([]);
  });

  it('deletes recordings after the retention period and keeps their transcripts', async () => {
    app = await createTestApp({ dataDir });
    const q = await activeQuestion(app);
    await app.call('settings.update', { profileId: q.profileId, recordingRetentionDays: 7 });
    const { recordingId } = await app.call('recording.start', { ...q, withVideo: true });
    await stream(app, q.profileId, recordingId, ANSWER.subarray(0, 16000));
    await app.call('recording.appendVideo', {
      profileId: q.profileId,
      recordingId,
      seq: 0,
      webmBase64: Buffer.from('webm-bytes').toString('base64'),
    });
    await app.call('recording.stop', { profileId: q.profileId, recordingId });
    await app.jobs.whenIdle();
    const folder = path.join(dataDir, 'recordings', q.sessionId);
    expect(fs.readdirSync(folder).sort()).toEqual([`${recordingId}.wav`, `${recordingId}.webm`]);
    expect(fs.readFileSync(path.join(folder, `${recordingId}.webm`), 'utf8')).toBe('webm-bytes');

    app.clock.advance(6 * 86_400);
    const service = new RecordingService(app.context, dataDir, () => null);
    expect(await service.sweepExpired()).toBe(0);
    app.clock.advance(2 * 86_400);
    expect(await service.sweepExpired()).toBe(1);
    expect(fs.readdirSync(folder)).toEqual([]);
    const info = await app.call('recording.get', { profileId: q.profileId, recordingId });
    expect(info.delivery).not.toBeNull();
    expect(info.hasVideo).toBe(false);
  });

  it('refuses to record anything but the current question, and discards on request', async () => {
    app = await createTestApp({ dataDir });
    const q = await activeQuestion(app);
    await expect(
      app.call('recording.start', { ...q, questionId: 'another-question' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const { recordingId } = await app.call('recording.start', q);
    await stream(app, q.profileId, recordingId, ANSWER.subarray(0, 8000));
    expect(await app.call('recording.discard', { profileId: q.profileId, recordingId })).toEqual({
      discarded: true,
    });
    expect(fs.readdirSync(path.join(dataDir, 'recordings', q.sessionId))).toEqual([]);
    await expect(
      app.call('recording.appendAudio', {
        profileId: q.profileId,
        recordingId,
        seq: 9,
        pcm16Base64: '',
      }),
    ).rejects.toThrow(/not in progress/);
    await expect(
      app.call('interviews.answer', { ...q, text: 'typed', recordingId }),
    ).rejects.toThrow(/discarded/);
  });
});
