import { SPEECH_SAMPLE_RATE } from '../engines/speech/wav-format';

/**
 * A voice-like test signal: a harmonic tone (fundamental plus overtones, a syllable-rate amplitude
 * wobble and a slow pitch glide) during `speech` spans, digital silence elsewhere. Unlike recorded
 * speech its layout is known exactly, so analytics can be checked against it.
 */
export function voiceLikeAudio(options: {
  durationSeconds: number;
  speech: readonly (readonly [number, number])[];
  pitchHz?: number;
  /** Semitones of pitch glide (a sine over 2 s); 0 makes a monotone voice. */
  glideSemitones?: number;
  amplitude?: number;
  noise?: number;
}): Float32Array {
  const rate = SPEECH_SAMPLE_RATE;
  const out = new Float32Array(Math.round(options.durationSeconds * rate));
  const f0 = options.pitchHz ?? 140;
  const glide = options.glideSemitones ?? 4;
  const amplitude = options.amplitude ?? 0.3;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (const [from, to] of options.speech) {
    let phase = 0;
    for (let i = Math.round(from * rate); i < Math.min(out.length, Math.round(to * rate)); i++) {
      const t = i / rate;
      const f = f0 * 2 ** ((glide * Math.sin((2 * Math.PI * t) / 2)) / 12);
      phase += (2 * Math.PI * f) / rate;
      const syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
      out[i] =
        amplitude *
        syllables *
        (0.6 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase));
    }
  }
  if (options.noise)
    for (let i = 0; i < out.length; i++) out[i] = out[i]! + options.noise * random();
  return out;
}
