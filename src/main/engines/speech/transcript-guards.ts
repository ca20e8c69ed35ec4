// Guards against Whisper's known failures: text invented on silence or noise ("thank you for
// watching"), segments outside any detected speech, and decoding loops that repeat a phrase.
import type { TimeSpan } from './audio-features';
import type { WhisperSegment } from './whisper-worker-client';

/** Phrases Whisper is known to produce on non-speech (from its subtitle-heavy training data). */
const HALLUCINATIONS = [
  /^thanks? (you )?(so much )?for watching/,
  /^thank you\.?$/,
  /^please (like and )?subscribe/,
  /^(subtitles|captions|transcription|translated) by/,
  /^see you (in the )?next (time|video)/,
  /^you$/,
  /^bye\.?$/,
];
/** Bracketed non-speech tags: [BLANK_AUDIO], (music), [applause], *laughs*. */
const NON_SPEECH_TAG = /^[[(*♪].*[\])*♪]$/;

export interface GuardedSegments {
  readonly segments: WhisperSegment[];
  /** What was removed and why, in words. */
  readonly removed: string[];
}

function overlap(segment: WhisperSegment, speech: readonly TimeSpan[]): number {
  let total = 0;
  for (const s of speech)
    total += Math.max(0, Math.min(segment.end, s.end) - Math.max(segment.start, s.start));
  return total;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function guardSegments(
  raw: readonly WhisperSegment[],
  speech: readonly TimeSpan[],
  durationSeconds: number,
): GuardedSegments {
  const removed: string[] = [];
  const kept: WhisperSegment[] = [];
  for (const segment of raw) {
    const text = segment.text.trim();
    // Timestamps past the end of the audio are the decoder's error, not the audio's: such a
    // segment is placed after the previous one, and then checked against the speech like any other.
    const after = kept[kept.length - 1]?.end ?? 0;
    const start =
      segment.start >= durationSeconds
        ? Math.min(after, durationSeconds)
        : Math.max(0, segment.start);
    const end =
      segment.start >= durationSeconds
        ? durationSeconds
        : Math.min(Math.max(start, segment.end), durationSeconds);
    const s = { text, start, end };
    if (text === '') continue;
    if (NON_SPEECH_TAG.test(text)) {
      removed.push(`non-speech tag "${text}"`);
      continue;
    }
    const spoken = overlap(s, speech);
    const length = Math.max(0.01, end - start);
    if (spoken / length < 0.2) {
      removed.push(
        `"${text}" (${start.toFixed(1)}–${end.toFixed(1)} s) where no speech was detected`,
      );
      continue;
    }
    if (HALLUCINATIONS.some((h) => h.test(normalise(text))) && spoken < 1) {
      removed.push(`"${text}": a phrase Whisper invents on near-silence`);
      continue;
    }
    const previous = kept[kept.length - 1];
    if (previous && normalise(previous.text) === normalise(text)) {
      removed.push(`"${text}" repeated`);
      kept[kept.length - 1] = { ...previous, end: s.end };
      continue;
    }
    kept.push({ ...s, text: collapseLoops(text, removed) });
  }
  return { segments: kept, removed };
}

/**
 * Collapses a phrase of 1–8 words repeated three or more times in a row (a decoding loop) to a
 * single occurrence.
 */
export function collapseLoops(text: string, removed: string[] = []): string {
  const words = text.split(/\s+/).filter(Boolean);
  const keys = words.map((w) => normalise(w));
  const out: string[] = [];
  const outKeys: string[] = [];
  let i = 0;
  while (i < words.length) {
    let collapsed = false;
    for (let n = 1; n <= 8 && i + 3 * n <= words.length; n++) {
      let repeats = 1;
      while (
        i + (repeats + 1) * n <= words.length &&
        keys.slice(i + repeats * n, i + (repeats + 1) * n).join(' ') ===
          keys.slice(i, i + n).join(' ')
      ) {
        repeats++;
      }
      if (repeats >= 3) {
        removed.push(`"${words.slice(i, i + n).join(' ')}" looped ${repeats} times`);
        out.push(...words.slice(i, i + n));
        outKeys.push(...keys.slice(i, i + n));
        i += repeats * n;
        collapsed = true;
        break;
      }
    }
    if (!collapsed) {
      out.push(words[i]!);
      outKeys.push(keys[i]!);
      i++;
    }
  }
  return out.join(' ');
}
