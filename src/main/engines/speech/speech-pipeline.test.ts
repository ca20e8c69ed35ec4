import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedModelPath } from '../../testing/models';
import { detectSpeech, SpeechEngine, transcribeSamples } from './speech-pipeline';
import { readWavFile, SPEECH_SAMPLE_RATE } from './wav-format';

// The random-weight tiny Whisper gives gibberish text but real segments, timestamps and partial
// callbacks; the Silero VAD and jfk.wav are real (../shared/models/whisper-test/PROVENANCE.md).
// The real Whisper base model's tests are in real-whisper.test.ts.
const TINY = sharedModelPath('whisper-test/ggml-tiny-random.bin');
const VAD = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');
const JFK = readWavFile(sharedModelPath('whisper-test/jfk.wav')).samples;

const engine = new SpeechEngine({ whisper: TINY, vad: VAD });
afterAll(() => engine.dispose());

describe('speech pipeline with real whisper.cpp in a worker thread', () => {
  it('finds the speech in jfk.wav with the Silero VAD', async () => {
    const { spans, by } = await detectSpeech(JFK, engine);
    expect(by).toBe('vad');
    expect(spans).toEqual([
      { start: 0.32, end: 2.27 },
      { start: 3.27, end: 4.41 },
      { start: 5.38, end: 7.68 },
      { start: 8.16, end: 10.62 },
    ]);
  });

  it('transcribes with segments inside the audio, partial results and the model id', async () => {
    const partials: string[] = [];
    const t = await transcribeSamples(JFK, engine, {
      language: 'en',
      onPartial: (text) => partials.push(text),
    });
    expect(t.modelId).toBe('ggml-tiny-random.bin@4cd8459d7a48');
    expect(t.language).toBe('en');
    expect(t.speech).toHaveLength(4);
    expect(t.segments.length).toBeGreaterThan(0);
    for (const s of t.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(11);
      expect(s.text.trim()).not.toBe('');
    }
    expect(t.transcript).toBe(t.segments.map((s) => s.text).join(' '));
    expect(t.words.length).toBeGreaterThan(0);
    expect(t.confidence).toBeGreaterThan(0);
    expect(t.confidence).toBeLessThanOrEqual(1);
    expect(partials.length).toBeGreaterThan(0);
  });

  it('invents nothing on silence: no Whisper call at all', async () => {
    const silence = new Float32Array(SPEECH_SAMPLE_RATE * 3);
    const t = await transcribeSamples(silence, engine, { language: 'en' });
    expect(t.transcript).toBe('');
    expect(t.guards).toEqual(['no speech was detected, so nothing was transcribed']);
  });

  it('stops a transcription that is cancelled or runs too long, then works again', async () => {
    // Cancelled on its first partial result: the worker is still transcribing (the final result
    // comes after every partial), so this is a cancel mid-run whatever the machine's speed.
    const controller = new AbortController();
    const running = transcribeSamples(JFK, engine, {
      language: 'en',
      signal: controller.signal,
      speech: [{ start: 0, end: 11 }],
      onPartial: () => controller.abort(),
    });
    await expect(running).rejects.toThrow(/cancelled/);
    await expect(
      engine.worker!.transcribe(Buffer.alloc(32000 * 20), { language: 'en', timeoutMs: 20 }),
    ).rejects.toThrow(/took longer than 0 s/);
    const t = await transcribeSamples(JFK, engine, { language: 'en' });
    expect(t.segments.length).toBeGreaterThan(0);
  });

  it('reports a model file that cannot be loaded', async () => {
    const broken = new SpeechEngine({ whisper: path.join(VAD), vad: null });
    await expect(
      transcribeSamples(JFK, broken, { language: 'en', speech: [{ start: 0, end: 11 }] }),
    ).rejects.toThrow(/could not be loaded|stopped/);
    await broken.dispose();
  });
});
