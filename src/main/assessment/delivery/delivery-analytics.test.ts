import { describe, expect, it } from 'vitest';
import type { TimedWord } from '../../../shared/contract/recording';
import { sharedModelPath } from '../../testing/models';
import { voiceLikeAudio } from '../../testing/audio';
import { detectSpeechByEnergy, frameLevels } from '../../engines/speech/audio-features';
import { analyseDelivery } from './delivery-analytics';
import { wordsFromSegments } from '../../engines/speech/speech-pipeline';
import { readWavFile, SPEECH_SAMPLE_RATE } from '../../engines/speech/wav-format';

const RATE = SPEECH_SAMPLE_RATE;

function energySpeech(samples: Float32Array) {
  return detectSpeechByEnergy(frameLevels(samples, RATE));
}

describe('speech by energy', () => {
  it('finds the known speech/silence layout of a voice-like signal', () => {
    const samples = voiceLikeAudio({
      durationSeconds: 14,
      speech: [
        [1.5, 5],
        [8, 12],
      ],
      noise: 0.001,
    });
    const spans = energySpeech(samples);
    expect(spans).toHaveLength(2);
    expect(spans[0]!.start).toBeCloseTo(1.5, 1);
    expect(spans[0]!.end).toBeCloseTo(5, 1);
    expect(spans[1]!.start).toBeCloseTo(8, 1);
    expect(spans[1]!.end).toBeCloseTo(12, 1);
  });

  it('finds no speech in silence or in steady noise', () => {
    expect(energySpeech(new Float32Array(RATE * 3))).toEqual([]);
    expect(energySpeech(voiceLikeAudio({ durationSeconds: 3, speech: [], noise: 0.05 }))).toEqual(
      [],
    );
  });

  it('finds the four phrases of real speech (jfk.wav) where the Silero VAD does', () => {
    const audio = readWavFile(sharedModelPath('whisper-test/jfk.wav'));
    const spans = energySpeech(audio.samples);
    // Silero VAD: 0.32–2.27, 3.27–4.41, 5.38–7.68, 8.16–10.62 (PROVENANCE.md).
    expect(spans[0]!.start).toBeLessThan(0.6);
    expect(spans[spans.length - 1]!.end).toBeGreaterThan(10.3);
    const total = spans.reduce((s, x) => s + x.end - x.start, 0);
    expect(total).toBeGreaterThan(6.5);
    expect(total).toBeLessThan(9.5);
  });
});

describe('delivery analytics', () => {
  it('measures speaking time, a long pause, a late start, pace and fillers', () => {
    const samples = voiceLikeAudio({
      durationSeconds: 40,
      speech: [
        [6, 20],
        [23.5, 38],
      ],
    });
    // 70 words over 32 s of active speech, three of them fillers.
    const words: TimedWord[] = Array.from({ length: 70 }, (_, i) => ({
      text: i === 3 ? 'um' : i === 20 ? 'basically' : i === 40 ? 'uh' : 'word',
      start: 6 + (i * 32) / 70,
      end: 6 + ((i + 1) * 32) / 70,
      timing: 'model',
    }));
    const a = analyseDelivery({ samples, sampleRate: RATE, speech: energySpeech(samples), words });
    expect(a.durationSeconds).toBe(40);
    expect(a.speakingSeconds).toBeGreaterThan(28);
    expect(a.speakingSeconds).toBeLessThan(29);
    expect(a.speechStartSeconds).toBeCloseTo(6, 1);
    expect(a.pauses.count).toBe(1);
    expect(a.pauses.longestSeconds).toBeCloseTo(3.5, 1);
    expect(a.wordsPerMinute).toBe(131);
    expect(a.fillers).toEqual({
      count: 3,
      perMinute: expect.closeTo(5.6, 1),
      byWord: { um: 1, uh: 1, basically: 1 },
    });
    expect(a.paceOverTime.length).toBe(2);
    expect(a.volume?.consistent).toBe(true);
    const kinds = Object.fromEntries(a.observations.map((o) => [o.kind, o.level]));
    expect(kinds).toMatchObject({ pace: 'ok', fillers: 'improve', start: 'improve', pauses: 'ok' });
    expect(a.observations.find((o) => o.kind === 'fillers')?.message).toMatch(
      /5\.6\d? filler words per minute.*aim for about 5 or fewer/,
    );
    expect(a.score).toBeGreaterThan(0.6);
    expect(a.score).toBeLessThan(1);
  });

  it('tells a monotone voice from a varied one', () => {
    const flat = voiceLikeAudio({ durationSeconds: 6, speech: [[0.5, 5.5]], glideSemitones: 0 });
    const varied = voiceLikeAudio({ durationSeconds: 6, speech: [[0.5, 5.5]], glideSemitones: 6 });
    const pitchOf = (s: Float32Array) =>
      analyseDelivery({ samples: s, sampleRate: RATE, speech: energySpeech(s) }).pitch;
    const f = pitchOf(flat);
    const v = pitchOf(varied);
    expect(f?.medianHz).toBeGreaterThan(130);
    expect(f?.medianHz).toBeLessThan(150);
    expect(f?.monotone).toBe(true);
    expect(v?.monotone).toBe(false);
    expect(v!.spreadSemitones).toBeGreaterThan(f!.spreadSemitones + 2);
  });

  it('flags uneven volume', () => {
    const loud = voiceLikeAudio({ durationSeconds: 4, speech: [[0, 4]], amplitude: 0.5 });
    const quiet = voiceLikeAudio({ durationSeconds: 4, speech: [[0, 4]], amplitude: 0.02 });
    const both = new Float32Array(8 * RATE);
    both.set(loud, 0);
    both.set(quiet, 4 * RATE);
    const a = analyseDelivery({ samples: both, sampleRate: RATE, speech: [{ start: 0, end: 8 }] });
    expect(a.volume?.consistent).toBe(false);
    expect(a.observations.find((o) => o.kind === 'volume')?.level).toBe('improve');
  });

  it('reports no speech plainly and gives no score', () => {
    const a = analyseDelivery({
      samples: new Float32Array(RATE * 2),
      sampleRate: RATE,
      speech: [],
    });
    expect(a.score).toBeNull();
    expect(a.speechStartSeconds).toBeNull();
    expect(a.observations).toEqual([
      expect.objectContaining({ kind: 'speech', message: expect.stringMatching(/No speech/) }),
    ]);
  });

  it('counts a configured filler list, multi-word fillers included', () => {
    const words = wordsFromSegments([
      { start: 0, end: 6, text: 'So, you know, I mean it. Right? Right.' },
    ]);
    expect(words[0]).toMatchObject({ text: 'So,', start: 0, timing: 'spread' });
    expect(words[words.length - 1]!.end).toBeCloseTo(6, 1);
    const samples = voiceLikeAudio({ durationSeconds: 6, speech: [[0, 6]] });
    const a = analyseDelivery({
      samples,
      sampleRate: RATE,
      speech: [{ start: 0, end: 6 }],
      words,
      fillerWords: ['you know', 'i mean', 'right'],
    });
    expect(a.fillers?.byWord).toEqual({ 'you know': 1, 'i mean': 1, right: 2 });
  });
});
