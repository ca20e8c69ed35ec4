import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedModelPath } from '../../testing/models';
import {
  realModel,
  realModelPath,
  realModelsRequired,
  skipWithoutRealModel,
} from '../../testing/real-models';
import {
  canSynthesiseSpeech,
  speakSentences,
  SPOKEN_ANSWER_SENTENCES,
} from '../../testing/spoken-audio';
import { wordErrorRate } from '../../testing/word-error-rate';
import { SpeechEngine, transcribeSamples } from './speech-pipeline';
import { readWavFile, SPEECH_SAMPLE_RATE } from './wav-format';

// Whisper base, converted to ggml from a faster-whisper copy on PyPI by `npm run test-models`,
// through the app's own pipeline: Silero VAD, whisper.cpp in its worker process, the guards.
// whisper.cpp encodes a full 30 s window per call whatever the audio's length, so each case is
// one call (about 50 s of CPU with the bindings' prebuilt library on one thread).
const model = realModel('whisper-base-ggml');
const VAD = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');
const JFK_SENTENCE =
  'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';
/** Measured 0.025 here (1 word in 40: "billing" heard as "willing"); the floor leaves room. */
const SPOKEN_ANSWER_MAX_WER = 0.1;
const CALL_TIMEOUT_MS = 600_000; // a safety net: about 60 s each on an idle 2-core machine

const tts = canSynthesiseSpeech();
if (!tts && realModelsRequired()) throw new Error('espeak-ng and sox are needed (apt-get install)');

describe.skipIf(skipWithoutRealModel(model))('the real Whisper base model', () => {
  let engine: SpeechEngine;
  beforeAll(() => {
    engine = new SpeechEngine({ whisper: realModelPath(model), vad: VAD });
  });
  afterAll(() => engine.dispose());

  it(
    'transcribes jfk.wav to the known sentence',
    async () => {
      const jfk = readWavFile(sharedModelPath('whisper-test/jfk.wav')).samples;
      const t = await transcribeSamples(jfk, engine, { language: 'en' });
      expect(t.speech).toHaveLength(4); // the VAD's spans, as in the stand-in tests
      expect(wordErrorRate(JFK_SENTENCE, t.transcript)).toBeLessThanOrEqual(0.05);
      expect(t.guards).toEqual([]);
      expect(t.confidence).toBeGreaterThan(0.9);
    },
    CALL_TIMEOUT_MS,
  );

  it.skipIf(!tts)(
    'transcribes a spoken interview answer sentence by sentence, each where it was spoken',
    async () => {
      const gap = 0.7;
      const audio = speakSentences(SPOKEN_ANSWER_SENTENCES, gap);
      const t = await transcribeSamples(audio, engine, { language: 'en' });
      const reference = SPOKEN_ANSWER_SENTENCES.join(' ');
      expect(wordErrorRate(reference, t.transcript)).toBeLessThanOrEqual(SPOKEN_ANSWER_MAX_WER);
      expect(t.guards).toEqual([]);
      // Every segment lies inside the audio, in order: Whisper's timestamps are read in the
      // binding's units, so no sentence is pushed past the end and dropped as non-speech.
      const duration = audio.length / SPEECH_SAMPLE_RATE;
      expect(t.segments.length).toBeGreaterThanOrEqual(SPOKEN_ANSWER_SENTENCES.length);
      for (const [i, s] of t.segments.entries()) {
        expect(s.start).toBeGreaterThanOrEqual(t.segments[i - 1]?.end ?? 0);
        expect(s.end).toBeLessThan(duration);
      }
      expect(t.segments[0]!.start).toBeLessThan(gap + 0.5);
      expect(t.segments.at(-1)!.end).toBeGreaterThan(duration - gap - 1.5);
    },
    CALL_TIMEOUT_MS,
  );
});
