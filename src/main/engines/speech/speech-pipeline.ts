// One answer's audio → transcript and delivery analytics. The VAD decides
// where speech is; Whisper only speaks for those stretches (guards drop the rest); analytics use
// both. Everything works without models: no VAD → energy detection, no Whisper → timing only.
import type { TimedWord, Transcript } from '../../../shared/contract/recording';
import { detectSpeechByEnergy, frameLevels, round2, type TimeSpan } from './audio-features';
import { modelIdOf, type SpeechModelPaths } from './model-paths';
import { guardSegments } from './transcript-guards';
import { SPEECH_SAMPLE_RATE, floatToPcm16 } from './wav-format';
import { WhisperWorkerClient, type WhisperSegment } from './whisper-worker-client';

/** The loaded speech models; one per app (or CLI run), disposed with it. */
export class SpeechEngine {
  readonly worker: WhisperWorkerClient | null;
  private modelId: string | null = null;

  constructor(readonly models: SpeechModelPaths) {
    this.worker =
      models.whisper || models.vad
        ? new WhisperWorkerClient({ whisperPath: models.whisper, vadPath: models.vad })
        : null;
  }

  /** Hashed on first use, not at start-up: a real model is hundreds of MB. */
  get whisperModelId(): string | null {
    if (!this.models.whisper) return null;
    return (this.modelId ??= modelIdOf(this.models.whisper));
  }

  get canTranscribe(): boolean {
    return this.models.whisper !== null;
  }

  async dispose(): Promise<void> {
    await this.worker?.dispose();
  }
}

export async function detectSpeech(
  samples: Float32Array,
  engine: SpeechEngine | null,
  pcm16: Buffer = floatToPcm16(samples),
): Promise<{ spans: TimeSpan[]; by: 'vad' | 'energy' }> {
  if (engine?.worker?.hasVad) {
    return { spans: await engine.worker.detectSpeech(pcm16), by: 'vad' };
  }
  return { spans: detectSpeechByEnergy(frameLevels(samples, SPEECH_SAMPLE_RATE)), by: 'energy' };
}

export interface TranscribeOptions {
  readonly language: string;
  readonly signal?: AbortSignal;
  /** Segments as Whisper decodes them (already guarded against non-speech). */
  readonly onPartial?: (text: string) => void;
  /** Speech spans when the caller has them already. */
  readonly speech?: readonly TimeSpan[];
}

/** Transcript of 16 kHz mono samples; an empty one (and no Whisper call) when nobody spoke. */
export async function transcribeSamples(
  samples: Float32Array,
  engine: SpeechEngine,
  options: TranscribeOptions,
): Promise<Transcript> {
  if (!engine.worker || !engine.canTranscribe) {
    throw new Error('No Whisper model is installed, so answers cannot be transcribed.');
  }
  const duration = samples.length / SPEECH_SAMPLE_RATE;
  const pcm16 = floatToPcm16(samples);
  const speech = options.speech ?? (await detectSpeech(samples, engine, pcm16)).spans;
  const base = {
    language: options.language,
    modelId: engine.whisperModelId,
    speech: speech.map((s) => ({ start: round2(s.start), end: round2(s.end) })),
  };
  if (speech.length === 0) {
    return {
      ...base,
      transcript: '',
      confidence: 1,
      segments: [],
      words: [],
      guards: ['no speech was detected, so nothing was transcribed'],
    };
  }
  const seen: WhisperSegment[] = [];
  const raw = await engine.worker.transcribe(pcm16, {
    language: options.language,
    ...(options.signal && { signal: options.signal }),
    onSegments: (segments) => {
      seen.push(...segments);
      if (options.onPartial) {
        const text = guardSegments(seen, speech, duration)
          .segments.map((s) => s.text)
          .join(' ');
        if (text) options.onPartial(text);
      }
    },
  });
  const guarded = guardSegments(raw.segments, speech, duration);
  const segments = guarded.segments.map((s) => ({
    start: round2(s.start),
    end: round2(s.end),
    text: s.text,
  }));
  const spoken = speech.reduce((n, s) => n + (s.end - s.start), 0);
  const covered = segments.reduce(
    (n, seg) =>
      n +
      speech.reduce(
        (m, s) => m + Math.max(0, Math.min(seg.end, s.end) - Math.max(seg.start, s.start)),
        0,
      ),
    0,
  );
  const coverage = spoken > 0 ? Math.min(1, covered / spoken) : 0;
  const confidence = round2(coverage * (guarded.removed.length > 0 ? 0.8 : 1));
  return {
    ...base,
    language: raw.language ?? options.language,
    transcript: segments.map((s) => s.text).join(' '),
    confidence,
    segments,
    words: wordsFromSegments(segments),
    guards: guarded.removed,
  };
}

/**
 * Words with times from transcript segments: the binding gives segment times only, so each
 * segment's time is spread over its words in proportion to their length.
 */
export function wordsFromSegments(
  segments: readonly { start: number; end: number; text: string }[],
): TimedWord[] {
  const words: TimedWord[] = [];
  for (const segment of segments) {
    const parts = segment.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    const letters = parts.reduce((n, w) => n + w.length, 0);
    let at = segment.start;
    for (const text of parts) {
      const span = letters ? ((segment.end - segment.start) * text.length) / letters : 0;
      words.push({ text, start: round2(at), end: round2(at + span), timing: 'spread' });
      at += span;
    }
  }
  return words;
}
