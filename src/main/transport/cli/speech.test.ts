import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../testing/cli-harness';
import { sharedModelPath } from '../../testing/models';
import { voiceLikeAudio } from '../../testing/audio';
import { pcm16WavHeader, writeWavFile } from '../../engines/speech/wav-format';
import type { DeliveryAnalytics, Transcript } from '../../../shared/contract/recording';

interface AudioReport {
  speechDetectedBy: string;
  transcript: string | null;
  conversions: string[];
  delivery: DeliveryAnalytics;
}

const TINY = sharedModelPath('whisper-test/ggml-tiny-random.bin');
const VAD = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');
const JFK = sharedModelPath('whisper-test/jfk.wav');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cli-speech-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rehearse analyze-audio', () => {
  it('measures a known speech/silence layout without any model', async () => {
    const file = path.join(dir, 'layout.wav');
    writeWavFile(
      file,
      voiceLikeAudio({
        durationSeconds: 20,
        speech: [
          [3, 9],
          [12.5, 18],
        ],
      }),
    );
    const { code, stdout } = await runCliIn(dir, ['analyze-audio', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AudioReport;
    expect(report.speechDetectedBy).toBe('energy');
    expect(report.transcript).toBeNull();
    expect(report.delivery.speechStartSeconds).toBeCloseTo(3, 1);
    expect(report.delivery.speakingSeconds).toBeCloseTo(11.5, 0);
    expect(report.delivery.pauses).toMatchObject({
      count: 1,
      longestSeconds: expect.closeTo(3.5, 1),
    });
    expect(report.delivery.wordsPerMinute).toBeNull();
  });

  it('uses the VAD and Whisper models when given, and prints plain observations', async () => {
    const { code, stdout } = await runCliIn(dir, [
      'analyze-audio',
      JFK,
      '--model',
      TINY,
      '--vad',
      VAD,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/speaking 7\.85 s \(speech found by vad\)/);
    expect(stdout).toMatch(/Pace \d+ words per minute/);
  });

  it('converts 8 kHz stereo input and says so', async () => {
    const mono = voiceLikeAudio({ durationSeconds: 4, speech: [[1, 3]] });
    const frames = 4 * 8000;
    const data = Buffer.alloc(frames * 4);
    for (let i = 0; i < frames; i++) {
      const v = Math.round((mono[i * 2] ?? 0) * 32767);
      data.writeInt16LE(v, i * 4);
      data.writeInt16LE(v, i * 4 + 2);
    }
    const file = path.join(dir, 'stereo.wav');
    fs.writeFileSync(file, Buffer.concat([pcm16WavHeader(data.length, 8000, 2), data]));
    const { code, stdout } = await runCliIn(dir, ['analyze-audio', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AudioReport;
    expect(report.conversions).toEqual([
      'mixed 2 channels down to mono',
      'resampled 8000 Hz to 16000 Hz',
    ]);
    expect(report.delivery.speechStartSeconds).toBeCloseTo(1, 1);
  });

  it('gives clear errors for bad files, and nothing crashes', async () => {
    const notWav = path.join(dir, 'notes.wav');
    fs.writeFileSync(notWav, 'just some text');
    const empty = path.join(dir, 'empty.wav');
    fs.writeFileSync(empty, pcm16WavHeader(0));
    const cut = path.join(dir, 'cut.wav');
    fs.writeFileSync(cut, pcm16WavHeader(1000).subarray(0, 20));
    const long = path.join(dir, 'long.wav');
    fs.writeFileSync(long, pcm16WavHeader(2 * 3600 * 32000));
    fs.truncateSync(long, 44 + 2 * 3600 * 32000);
    const cases: [string, RegExp][] = [
      [notWav, /not a WAV file/],
      [empty, /0 seconds of audio/],
      [cut, /truncated/],
      [long, /2\.0 h long; Rehearse reads at most 30 min/],
      [path.join(dir, 'nope.wav'), /does not exist/],
    ];
    for (const [file, message] of cases) {
      const { code, stderr } = await runCliIn(dir, ['analyze-audio', file, '--json']);
      expect(code, file).toBe(1);
      expect(stderr).toMatch(message);
    }
    const usage = await runCliIn(dir, ['analyze-audio']);
    expect(usage.code).toBe(2);
  });
});

describe('rehearse transcribe', () => {
  it('transcribes with --model and reports segments, language and the model id', async () => {
    const { code, stdout } = await runCliIn(dir, ['transcribe', JFK, '--model', TINY, '--json'], {
      REHEARSE_VAD_MODEL: VAD,
    });
    expect(code).toBe(0);
    const t = JSON.parse(stdout) as Transcript & { durationSeconds: number };
    expect(t).toMatchObject({
      language: 'en',
      modelId: 'ggml-tiny-random.bin@4cd8459d7a48',
      durationSeconds: expect.closeTo(11, 1),
    });
    expect(t.segments.length).toBeGreaterThan(0);
    expect(t.speech).toHaveLength(4);
  });

  it('finds a model installed under the data folder', async () => {
    fs.mkdirSync(path.join(dir, 'models', 'whisper'), { recursive: true });
    fs.copyFileSync(TINY, path.join(dir, 'models', 'whisper', 'ggml-tiny-random.bin'));
    const { code, stdout } = await runCliIn(dir, ['transcribe', JFK, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Transcript).modelId).toMatch(/^ggml-tiny-random\.bin@/);
  });

  it('says how to get a model when none is installed, and refuses a missing one', async () => {
    const none = await runCliIn(dir, ['transcribe', JFK, '--json']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no Whisper model is installed: pass --model PATH/);
    const missing = await runCliIn(dir, ['transcribe', JFK, '--model', path.join(dir, 'x.bin')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Whisper model ".*x\.bin" was not found/);
  });
});
