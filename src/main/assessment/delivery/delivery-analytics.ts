// Delivery analytics: speaking time, pace, pauses, fillers, volume and pitch,
// reported against plain targets. They describe what was heard, never the person.
import {
  DEFAULT_FILLER_WORDS,
  type DeliveryAnalytics,
  type DeliveryObservation,
  type TimedWord,
  type Transcript,
} from '../../../shared/contract/recording';
import {
  FRAME_SECONDS,
  frameLevels,
  median,
  pitchTrack,
  round2,
  standardDeviation,
  type TimeSpan,
} from '../../engines/speech/audio-features';
import { SPEECH_SAMPLE_RATE } from '../../engines/speech/wav-format';

export const PAUSE_SECONDS = 2;
export const PACE_BAND = { low: 130, high: 160 } as const;
export const FILLERS_PER_MINUTE_TARGET = 5;
export const LATE_START_SECONDS = 5;
/** Below this spread of pitch (in semitones) speech sounds flat. */
export const MONOTONE_SEMITONES = 2;
/** Loudness of 1-second stretches of speech varying more than this (dB) is uneven. */
export const VOLUME_SPREAD_DB = 6;

export interface DeliveryInput {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** Where the speech is (from the VAD model, or detectSpeechByEnergy). */
  readonly speech: readonly TimeSpan[];
  /** Transcript words with times; without them pace and fillers are not measured. */
  readonly words?: readonly TimedWord[] | null;
  readonly fillerWords?: readonly string[];
}

export function analyseDelivery(input: DeliveryInput): DeliveryAnalytics {
  const duration = round2(input.samples.length / input.sampleRate);
  const speech = [...input.speech].sort((a, b) => a.start - b.start);
  const speakingSeconds = round2(speech.reduce((sum, s) => sum + (s.end - s.start), 0));
  const first = speech[0];
  const last = speech[speech.length - 1];
  const pauseSpans: TimeSpan[] = [];
  for (let i = 1; i < speech.length; i++) {
    const gap = speech[i]!.start - speech[i - 1]!.end;
    if (gap > PAUSE_SECONDS)
      pauseSpans.push({ start: speech[i - 1]!.end, end: round2(speech[i]!.start) });
  }
  const pauses = {
    count: pauseSpans.length,
    longestSeconds: round2(Math.max(0, ...pauseSpans.map((p) => p.end - p.start))),
    spans: pauseSpans,
  };
  const words = input.words ?? null;
  // Pace counts the time from the first word to the last, pauses included: that is how a
  // listener hears it.
  const activeMinutes = first && last ? (last.end - first.start) / 60 : 0;
  const wordCount = words ? words.length : null;
  const wordsPerMinute =
    words && activeMinutes > 0 ? Math.round(words.length / activeMinutes) : null;
  const fillers = words ? countFillers(words, input.fillerWords ?? DEFAULT_FILLER_WORDS) : null;
  const fillerSummary =
    fillers && activeMinutes > 0
      ? {
          count: fillers.count,
          perMinute: round2(fillers.count / activeMinutes),
          byWord: fillers.byWord,
        }
      : null;

  const analytics: Omit<DeliveryAnalytics, 'observations' | 'score'> = {
    durationSeconds: duration,
    speakingSeconds,
    speechStartSeconds: first ? round2(first.start) : null,
    speech: speech.map((s) => ({ start: round2(s.start), end: round2(s.end) })),
    pauses,
    wordCount,
    wordsPerMinute,
    paceOverTime: words && first ? paceOverTime(words, first.start, last!.end) : [],
    fillers: fillerSummary,
    volume: speech.length ? volumeOf(input.samples, input.sampleRate, speech) : null,
    pitch: speech.length ? pitchOf(input.samples, input.sampleRate, speech) : null,
  };
  const { observations, score } = judge(analytics);
  return { ...analytics, observations, score };
}

function countFillers(
  words: readonly TimedWord[],
  list: readonly string[],
): { count: number; byWord: Record<string, number> } {
  const normalised = words.map((w) => w.text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, ''));
  const byWord: Record<string, number> = {};
  let count = 0;
  for (const filler of list) {
    const parts = filler.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    for (let i = 0; i + parts.length <= normalised.length; i++) {
      if (parts.every((p, k) => normalised[i + k] === p)) {
        byWord[filler] = (byWord[filler] ?? 0) + 1;
        count++;
      }
    }
  }
  return { count, byWord };
}

/** Words per minute over 20-second windows: shows rushing or slowing down within an answer. */
function paceOverTime(
  words: readonly TimedWord[],
  from: number,
  to: number,
): DeliveryAnalytics['paceOverTime'] {
  const windowSeconds = 20;
  const out: DeliveryAnalytics['paceOverTime'] = [];
  for (let start = from; start < to; start += windowSeconds) {
    const end = Math.min(to, start + windowSeconds);
    if (end - start < 5) break; // too short a window to say anything
    const n = words.filter((w) => (w.start + w.end) / 2 >= start && (w.start + w.end) / 2 < end);
    out.push({
      start: round2(start),
      end: round2(end),
      wordsPerMinute: Math.round(n.length / ((end - start) / 60)),
    });
  }
  return out;
}

function volumeOf(
  samples: Float32Array,
  sampleRate: number,
  speech: readonly TimeSpan[],
): DeliveryAnalytics['volume'] {
  const levels = frameLevels(samples, sampleRate);
  const perSecond = Math.round(1 / FRAME_SECONDS);
  const stretches: number[] = [];
  const all: number[] = [];
  for (const span of speech) {
    const frames: number[] = [];
    for (let f = Math.floor(span.start / FRAME_SECONDS); f < span.end / FRAME_SECONDS; f++) {
      const level = levels[f];
      if (level !== undefined && level > -90) frames.push(level);
    }
    all.push(...frames);
    for (let i = 0; i + perSecond / 2 <= frames.length; i += perSecond) {
      // Mean power (not mean dB) of each stretch, so the gaps between syllables don't dominate.
      const chunk = frames.slice(i, i + perSecond);
      const power = chunk.reduce((a, db) => a + 10 ** (db / 10), 0) / chunk.length;
      stretches.push(10 * Math.log10(power));
    }
  }
  if (all.length === 0) return null;
  const meanPower = all.reduce((a, db) => a + 10 ** (db / 10), 0) / all.length;
  const spreadDb = round2(standardDeviation(stretches));
  return {
    meanDb: round2(10 * Math.log10(meanPower)),
    spreadDb,
    consistent: spreadDb <= VOLUME_SPREAD_DB,
  };
}

function pitchOf(
  samples: Float32Array,
  sampleRate: number,
  speech: readonly TimeSpan[],
): DeliveryAnalytics['pitch'] {
  const track = pitchTrack(samples, sampleRate, speech);
  if (track.length < 10) return null;
  const mid = median(track);
  // Octave jumps are the tracker's errors, not the voice's range.
  const semitones = track.map((f) => 12 * Math.log2(f / mid)).filter((s) => Math.abs(s) < 10);
  const spread = round2(standardDeviation(semitones));
  return {
    medianHz: Math.round(mid),
    spreadSemitones: spread,
    monotone: spread < MONOTONE_SEMITONES,
  };
}

/** Plain statements against plain targets, and a 0–1 delivery score from the same measures. */
function judge(a: Omit<DeliveryAnalytics, 'observations' | 'score'>): {
  observations: DeliveryObservation[];
  score: number | null;
} {
  const observations: DeliveryObservation[] = [];
  const parts: number[] = [];
  if (a.speech.length === 0) {
    observations.push({
      kind: 'speech',
      level: 'improve',
      message: 'No speech was heard in this recording. Check the microphone and its level.',
    });
    return { observations, score: null };
  }
  const band = `${PACE_BAND.low}–${PACE_BAND.high}`;
  if (a.wordsPerMinute !== null) {
    const wpm = a.wordsPerMinute;
    const inBand = wpm >= PACE_BAND.low && wpm <= PACE_BAND.high;
    observations.push({
      kind: 'pace',
      level: inBand || (wpm >= 115 && wpm <= 175) ? 'ok' : 'improve',
      message: inBand
        ? `You spoke at ${wpm} words per minute, within the usual interview pace of about ${band}.`
        : `You spoke at ${wpm} words per minute; a comfortable interview pace is about ${band}${wpm > PACE_BAND.high ? ', so slow down a little' : ', so you can speed up a little'}.`,
    });
    const off = wpm < PACE_BAND.low ? PACE_BAND.low - wpm : Math.max(0, wpm - PACE_BAND.high);
    parts.push(clamp01(1 - off / 70));
  }
  if (a.fillers) {
    const top = Object.entries(a.fillers.byWord)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([w, n]) => `“${w}” ×${n}`)
      .join(', ');
    const ok = a.fillers.perMinute <= FILLERS_PER_MINUTE_TARGET;
    observations.push({
      kind: 'fillers',
      level: ok ? 'ok' : 'improve',
      message: `${a.fillers.perMinute} filler words per minute${top ? ` (${top})` : ''}; aim for about ${FILLERS_PER_MINUTE_TARGET} or fewer.`,
    });
    parts.push(clamp01(1 - Math.max(0, a.fillers.perMinute - FILLERS_PER_MINUTE_TARGET) / 10));
  }
  observations.push({
    kind: 'pauses',
    level: a.pauses.longestSeconds > 5 ? 'improve' : 'ok',
    message:
      a.pauses.count === 0
        ? `No pauses longer than ${PAUSE_SECONDS} s.`
        : `${a.pauses.count} pause${a.pauses.count === 1 ? '' : 's'} longer than ${PAUSE_SECONDS} s (longest ${a.pauses.longestSeconds} s). Short pauses are fine; over about 5 s the listener may think you have finished.`,
  });
  parts.push(clamp01(1 - Math.max(0, a.pauses.longestSeconds - 3) / 10));
  const start = a.speechStartSeconds ?? 0;
  observations.push({
    kind: 'start',
    level: start > LATE_START_SECONDS ? 'improve' : 'ok',
    message:
      start > LATE_START_SECONDS
        ? `${start} s of silence before you began; a moment to think is fine, aim to start within about ${LATE_START_SECONDS} s (say you are thinking if you need longer).`
        : `You began speaking after ${start} s.`,
  });
  parts.push(clamp01(1 - Math.max(0, start - LATE_START_SECONDS) / 20));
  if (a.volume) {
    observations.push({
      kind: 'volume',
      level: a.volume.consistent ? 'ok' : 'improve',
      message: a.volume.consistent
        ? `Your volume was steady (it varied by ${a.volume.spreadDb} dB).`
        : `Your volume varied by ${a.volume.spreadDb} dB across the answer; steady speech stays within about ${VOLUME_SPREAD_DB} dB. Keep the same distance from the microphone.`,
    });
    parts.push(a.volume.consistent ? 1 : 0.7);
  }
  if (a.pitch) {
    observations.push({
      kind: 'pitch',
      level: a.pitch.monotone ? 'improve' : 'ok',
      message: a.pitch.monotone
        ? `Your pitch varied little (${a.pitch.spreadSemitones} semitones); more intonation helps stress your key points.`
        : `Your pitch varied by ${a.pitch.spreadSemitones} semitones: not monotone.`,
    });
    parts.push(a.pitch.monotone ? 0.7 : 1);
  }
  const score = parts.length ? round2(parts.reduce((x, y) => x + y, 0) / parts.length) : null;
  return { observations, score };
}

function clamp01(n: number): number {
  return Math.max(0, Math.min(1, n));
}

/** Delivery analytics for samples, with the transcript's words when there is one. */
export function deliveryOf(
  samples: Float32Array,
  speech: readonly TimeSpan[],
  transcript: Transcript | null,
  fillerWords?: readonly string[],
): DeliveryAnalytics {
  return analyseDelivery({
    samples,
    sampleRate: SPEECH_SAMPLE_RATE,
    speech,
    words: transcript ? transcript.words : null,
    ...(fillerWords && { fillerWords }),
  });
}
