import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload, RecordingInfo } from '../src/shared/contract';
import { detectSpeechByEnergy, frameLevels } from '../src/main/engines/speech/audio-features';
import { readWavFile } from '../src/main/engines/speech/wav-format';
import { sharedModelPath } from '../src/main/testing/models';
import { createProfile, startE2e, type E2eEnv } from './fixtures';

// The "done when": Chromium's fake microphone plays an espeak-ng answer with a known
// speech/silence layout; it is recorded through the UI, streamed to a WAV, transcribed live and
// finally by whisper.cpp (the random-weight test model: gibberish words, real timing), scored,
// and its delivery analytics checked against the layout.
process.env['REHEARSE_WHISPER_MODEL'] = sharedModelPath('whisper-test/ggml-tiny-random.bin');
process.env['REHEARSE_VAD_MODEL'] = sharedModelPath(
  'whisper-test/for-tests-silero-v6.2.0-ggml.bin',
);

const LEAD_SILENCE = 1.0;
const PAUSE = 2.6;
let workDir: string;
let speechWav: string;
/** Speech spans of the source file, in seconds. */
let layout: { start: number; end: number }[];

function run(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `${cmd} failed (install it: apt-get install -y espeak-ng sox): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-speech-e2e-'));
  const part = (name: string, text: string) => {
    const raw = path.join(workDir, `${name}-raw.wav`);
    const out = path.join(workDir, `${name}.wav`);
    run('espeak-ng', ['-s', '150', '-w', raw, text]);
    run('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', out]);
    return out;
  };
  const first = part('first', 'In my last role I led the migration to a new billing system.');
  const second = part('second', 'It cut our costs by half.');
  const silence = (name: string, seconds: number) => {
    const out = path.join(workDir, `${name}.wav`);
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', out, 'trim', '0', String(seconds)]);
    return out;
  };
  speechWav = path.join(workDir, 'answer.wav');
  run('sox', [
    silence('lead', LEAD_SILENCE),
    first,
    silence('pause', PAUSE),
    second,
    silence('tail', 1.5),
    speechWav,
  ]);
  const samples = readWavFile(speechWav).samples;
  layout = detectSpeechByEnergy(frameLevels(samples, 16000));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

let env: E2eEnv | undefined;
afterEach(async () => {
  await env?.close();
});

describe('a spoken answer in the browser', () => {
  it('records through the fake microphone, streams live words, transcribes, analyses and scores', async () => {
    // espeak inserts short gaps between words; the layout has two phrases and one long pause.
    expect(layout.length).toBeGreaterThanOrEqual(2);
    const sourceSeconds = readWavFile(speechWav).durationSeconds;
    env = await startE2e({
      chromiumArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${speechWav}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    const { page, server, app, dataDir } = env;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const transcriptEvents: EventPayload<'recording.transcript'>[] = [];
    app.events.on('recording.transcript', (e) => transcriptEvents.push(e));

    await page.goto(server.url);
    await createProfile(page, {
      name: 'Noor Rahman',
      roleId: 'software-engineer',
      level: 'entry',
    });
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByRole('heading', { name: 'Set up your interview' }).waitFor();
    await page.getByLabel('Number of questions').fill('3');
    // One answer per planned question: no follow-ups in this test.
    await page.getByLabel('Follow-up questions').selectOption('0');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Question 1 of 3').waitFor();

    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
    // Live words arrive while speaking (VAD-chunked partial passes).
    await page.getByLabel('Live transcript').waitFor({ timeout: 30_000 });
    await env.shot('speech-01-recording');
    // Record a little less than one loop of the file (the fake device loops it).
    const stopAt = Math.floor(sourceSeconds - 0.5);
    await expect
      .poll(async () => toSeconds(await page.getByLabel('Recorded time').innerText()), {
        timeout: 30_000,
        interval: 100,
      })
      .toBeGreaterThanOrEqual(stopAt);
    await page.getByRole('button', { name: 'Stop recording' }).click();

    // The final transcript fills the answer box.
    const answerBox = page.getByLabel('Your answer');
    await expect.poll(() => answerBox.inputValue(), { timeout: 60_000 }).not.toBe('');
    await env.shot('speech-02-transcribed');
    const partials = transcriptEvents.filter((e) => e.kind === 'partial');
    const final = transcriptEvents.find((e) => e.kind === 'final');
    expect(partials.length).toBeGreaterThan(0);
    expect(final).toBeDefined();
    expect(await answerBox.inputValue()).toBe(final!.text);

    // The WAV on disk is what the page captured: 16 kHz mono, the recorded length, and the
    // source's speech/silence layout (the fake device starts the file when the mic opens).
    const recordingId = final!.recordingId;
    const row = await app.context.db
      .selectFrom('recordings')
      .selectAll()
      .where('id', '=', recordingId)
      .executeTakeFirstOrThrow();
    const onDisk = readWavFile(path.join(dataDir, row.audio_path));
    expect(onDisk.conversions).toEqual([]);
    expect(onDisk.durationSeconds).toBeGreaterThanOrEqual(stopAt);
    expect(onDisk.durationSeconds).toBeLessThan(sourceSeconds + 1);
    // Loudness envelopes (30 ms frames) of what was sent and what is on disk line up.
    const sent = frameLevels(readWavFile(speechWav).samples, 16000);
    const kept = frameLevels(onDisk.samples, 16000);
    const best = bestEnvelopeMatch(sent, kept);
    expect(Math.abs(best.lagFrames)).toBeLessThanOrEqual(10); // within 0.3 s of the file's start
    expect(best.correlation).toBeGreaterThan(0.9);
    const recordedSpans = detectSpeechByEnergy(frameLevels(onDisk.samples, 16000));
    const sourceFirst = layout[0]!;
    expect(recordedSpans[0]!.start).toBeCloseTo(sourceFirst.start, 0);
    expect(Math.abs(recordedSpans[0]!.start - sourceFirst.start)).toBeLessThan(0.35);

    const info = row.delivery ? (JSON.parse(row.delivery) as RecordingInfo['delivery']) : null;
    expect(row.model_id).toBe('ggml-tiny-random.bin@4cd8459d7a48');
    expect(info).not.toBeNull();
    // Analytics match the known layout: speech starts after the lead silence, one long pause.
    expect(Math.abs(info!.speechStartSeconds! - LEAD_SILENCE)).toBeLessThan(0.4);
    expect(info!.pauses.count).toBe(1);
    expect(Math.abs(info!.pauses.longestSeconds - PAUSE)).toBeLessThan(0.5);
    const expectedSpeaking = layout.reduce(
      (n, s) => n + Math.max(0, Math.min(s.end, onDisk.durationSeconds) - s.start),
      0,
    );
    expect(Math.abs(info!.speakingSeconds - expectedSpeaking)).toBeLessThan(1.2);

    // Submit: the answer is linked to its audio and scored with the delivery measures.
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByText('Question 2 of 3').waitFor();
    await page.getByRole('button', { name: 'End interview' }).click();
    await page.getByRole('button', { name: 'Yes, end it' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await app.jobs.whenIdle();
    const answer = await app.context.db
      .selectFrom('answers as a')
      .innerJoin('feedback as f', 'f.answer_id', 'a.id')
      .select(['a.audio_url', 'a.transcription', 'f.details'])
      .executeTakeFirstOrThrow();
    expect(answer.audio_url).toBe(row.audio_path);
    expect(answer.transcription).toBe(final!.text);
    expect(JSON.parse(answer.details)).toHaveProperty('delivery.pauses.count', 1);
    await page.reload();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await page.locator('summary', { hasText: 'What we measured' }).first().click();
    await page.getByText('Speaking time').waitFor();
    await expect.poll(() => page.getByText(/longer than 2 s, longest/).count()).toBe(1);
    await env.shot('speech-03-results');

    // Word by word: the recording plays back from the word clicked, and stops after it.
    await page.getByRole('button', { name: 'Listen to your answer, word by word' }).click();
    const playback = page.getByTestId('word-playback');
    await playback.waitFor();
    const words = playback.locator('.word-playback__word');
    expect(await words.count()).toBeGreaterThan(0);
    const duration = await playback
      .locator('audio')
      .evaluate(
        (el: HTMLAudioElement) =>
          new Promise<number>((resolve) =>
            el.readyState >= 1
              ? resolve(el.duration)
              : el.addEventListener('loadedmetadata', () => resolve(el.duration)),
          ),
      );
    expect(Math.abs(duration - onDisk.durationSeconds)).toBeLessThan(0.1);
    await words.first().click();
    await expect
      .poll(() => playback.locator('audio').evaluate((el: HTMLAudioElement) => el.currentTime))
      .toBeGreaterThan(0);
    await env.shot('speech-04-playback');
    expect(pageErrors).toEqual([]);
  });
});

describe('a silent microphone', () => {
  it('warns that it cannot hear the candidate, invents no words, and keeps the camera video', async () => {
    const silent = path.join(workDir, 'silence.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silent, 'trim', '0', '8']);
    env = await startE2e({
      chromiumArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${silent}`,
      ],
    });
    const { page, server } = env;
    await page.goto(server.url);
    await createProfile(page, { name: 'Quiet Room' });
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByRole('heading', { name: 'Set up your interview' }).waitFor();
    // One answer per planned question: no follow-ups in this test.
    await page.getByLabel('Follow-up questions').selectOption('0');
    await page.getByRole('button', { name: 'Start interview' }).click();
    // The retention setting (and the spoken language) live beside the recorder.
    await page.locator('summary', { hasText: 'Speech settings' }).click();
    await page.getByLabel('Delete recordings after').fill('30');
    await page.getByText('Saved').waitFor();
    const settings = await env.app.registry.invoke('settings.get', {
      profileId: (
        await env.app.context.db.selectFrom('users').select('id').executeTakeFirstOrThrow()
      ).id,
    });
    expect(settings).toMatchObject({ recordingRetentionDays: 30, speechLanguage: 'en' });
    await page.getByLabel('Camera').check();
    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByText('We can’t hear you').waitFor({ timeout: 15_000 });
    await env.shot('speech-05-cant-hear');
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByText('No speech was heard in this recording.').waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Your answer').inputValue()).toBe('');
    // The fake camera's video was streamed beside the audio as webm.
    const row = await env.app.context.db
      .selectFrom('recordings')
      .select(['video_path', 'transcript'])
      .executeTakeFirstOrThrow();
    expect(row.video_path).toMatch(/\.webm$/);
    const video = fs.readFileSync(path.join(env.dataDir, row.video_path!));
    expect(video.length).toBeGreaterThan(1000);
    expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a webm file
    expect((JSON.parse(row.transcript!) as { transcript: string }).transcript).toBe('');
  });
});

/** Pearson correlation of two dB envelopes at the lag (±20 frames) where they agree best. */
function bestEnvelopeMatch(a: Float32Array, b: Float32Array) {
  let best = { lagFrames: 0, correlation: -1 };
  for (let lag = -20; lag <= 20; lag++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < b.length; i++) {
      const j = i + lag;
      if (j < 0 || j >= a.length) continue;
      xs.push(Math.max(-80, a[j]!));
      ys.push(Math.max(-80, b[i]!));
    }
    const mean = (v: number[]) => v.reduce((n, x) => n + x, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let k = 0; k < xs.length; k++) {
      sxy += (xs[k]! - mx) * (ys[k]! - my);
      sxx += (xs[k]! - mx) ** 2;
      syy += (ys[k]! - my) ** 2;
    }
    const r = sxy / Math.sqrt(sxx * syy);
    if (r > best.correlation) best = { lagFrames: lag, correlation: r };
  }
  return best;
}

function toSeconds(clock: string): number {
  const [m, s] = clock.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}
