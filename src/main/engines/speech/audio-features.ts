// Measurements of the raw audio: loudness per frame, where the speech is (by energy, when no VAD
// model is installed), and pitch by autocorrelation. Pure functions over 16 kHz mono samples.

export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

export const FRAME_SECONDS = 0.03;
const SILENT_DB = -120;

/** Loudness of consecutive 30 ms frames in dBFS (-120 for digital silence). */
export function frameLevels(samples: Float32Array, sampleRate: number): Float32Array {
  const frame = Math.round(FRAME_SECONDS * sampleRate);
  const count = Math.floor(samples.length / frame);
  const levels = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) sum += samples[i]! * samples[i]!;
    const rms = Math.sqrt(sum / frame);
    levels[f] = rms > 1e-6 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;
  }
  return levels;
}

/** Level (dBFS) of a whole buffer: used for the live meter and "can't hear you". */
export function rmsDb(samples: Float32Array): number {
  if (samples.length === 0) return SILENT_DB;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  return rms > 1e-6 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;
}

function percentile(values: Float32Array | number[], p: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  if (sorted.length === 0) return SILENT_DB;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Speech by energy: frames well above the recording's noise floor, short gaps between words
 * bridged, blips dropped. A fallback for when no VAD model is installed; the VAD is better with
 * background noise.
 */
export function detectSpeechByEnergy(
  levels: Float32Array,
  options: { bridgeSeconds?: number; minSpeechSeconds?: number } = {},
): TimeSpan[] {
  const bridge = Math.round((options.bridgeSeconds ?? 0.3) / FRAME_SECONDS);
  const minFrames = Math.round((options.minSpeechSeconds ?? 0.15) / FRAME_SECONDS);
  const floor = percentile(levels, 0.1);
  const peak = percentile(levels, 0.98);
  // Nothing stands out from the background: silence, or steady noise.
  if (peak < -55 || peak - floor < 12) return [];
  const threshold = Math.max(-55, floor + 12, peak - 35);
  const spans: TimeSpan[] = [];
  let start = -1;
  let lastLoud = -1;
  for (let f = 0; f <= levels.length; f++) {
    const loud = f < levels.length && levels[f]! > threshold;
    if (loud) {
      if (start < 0) start = f;
      lastLoud = f;
    } else if (start >= 0 && (f - lastLoud > bridge || f === levels.length)) {
      if (lastLoud + 1 - start >= minFrames) {
        spans.push({ start: start * FRAME_SECONDS, end: (lastLoud + 1) * FRAME_SECONDS });
      }
      start = -1;
    }
  }
  return spans.map((s) => ({ start: round2(s.start), end: round2(s.end) }));
}

/**
 * Fundamental frequency (Hz) of voiced frames inside `speech`, by normalised autocorrelation on
 * audio decimated to 8 kHz (enough for 70–400 Hz voices, and 4× less work).
 */
export function pitchTrack(
  samples: Float32Array,
  sampleRate: number,
  speech: readonly TimeSpan[],
): number[] {
  const factor = Math.max(1, Math.floor(sampleRate / 8000));
  const rate = sampleRate / factor;
  const frame = Math.round(0.04 * rate);
  const hop = Math.round(0.02 * rate);
  const minLag = Math.floor(rate / 400);
  const maxLag = Math.ceil(rate / 70);
  const pitches: number[] = [];
  for (const span of speech) {
    const from = Math.floor(span.start * sampleRate);
    const to = Math.min(samples.length, Math.floor(span.end * sampleRate));
    const x = new Float32Array(Math.max(0, Math.floor((to - from) / factor)));
    for (let i = 0; i < x.length; i++) {
      let sum = 0;
      for (let k = 0; k < factor; k++) sum += samples[from + i * factor + k]!;
      x[i] = sum / factor;
    }
    for (let at = 0; at + frame + maxLag <= x.length; at += hop) {
      let energy = 0;
      for (let i = at; i < at + frame; i++) energy += x[i]! * x[i]!;
      if (energy / frame < 1e-5) continue; // too quiet to be voiced
      let bestLag = 0;
      let best = 0;
      for (let lag = minLag; lag <= maxLag; lag++) {
        let cross = 0;
        let shifted = 0;
        for (let i = at; i < at + frame; i++) {
          cross += x[i]! * x[i + lag]!;
          shifted += x[i + lag]! * x[i + lag]!;
        }
        const r = cross / Math.sqrt(energy * shifted + 1e-12);
        if (r > best) {
          best = r;
          bestLag = lag;
        }
      }
      if (best > 0.6 && bestLag > 0) pitches.push(rate / bestLag);
    }
  }
  return pitches;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
