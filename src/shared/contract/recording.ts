import { z } from 'zod';
import { idSchema, isoDateSchema, profileScoped } from './common';
import { handler } from './define';

// Spoken answers: the renderer streams 16 kHz mono PCM16 to the main process, which appends it to
// a WAV on disk as it arrives (crash-safe), transcribes it on device and measures delivery.

/** Filler words counted in spoken answers unless a profile sets its own list. */
export const DEFAULT_FILLER_WORDS: readonly string[] = [
  'um',
  'umm',
  'uh',
  'uhh',
  'erm',
  'er',
  'ah',
  'like',
  'you know',
  'basically',
  'actually',
  'literally',
  'sort of',
  'kind of',
  'i mean',
];

/** ~250 ms of PCM16 at 16 kHz is 8 kB (11 kB in base64); a chunk may hold up to ~4 s. */
export const MAX_AUDIO_CHUNK_BASE64 = 200_000;
/**
 * A piece of MediaRecorder webm (1 s of camera video is ~100–300 kB); larger pieces are split by
 * the renderer, since the local server takes request bodies up to 1 MB.
 */
export const MAX_VIDEO_CHUNK_BASE64 = 900_000;
export { VIDEO_PIECE_BYTES } from './constants';

const spanSchema = z.object({ start: z.number(), end: z.number() });

export const transcriptSegmentSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
});
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;

export const timedWordSchema = z.object({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  /** 'model': timestamps from the model; 'spread': a segment's time spread over its words. */
  timing: z.enum(['model', 'spread']),
});
export type TimedWord = z.infer<typeof timedWordSchema>;

/** The speech-to-text contract. */
export const transcriptSchema = z.object({
  transcript: z.string(),
  /**
   * 0–1. The binding reports no token probabilities, so this is the share of detected speech that
   * kept transcript segments cover, lowered when a guard dropped invented or looping text.
   */
  confidence: z.number(),
  segments: z.array(transcriptSegmentSchema),
  words: z.array(timedWordSchema),
  language: z.string(),
  /** e.g. "ggml-base.en.bin@1a2b3c4d5e6f" (file name and the start of its sha256). */
  modelId: z.string().nullable(),
  /** What the guards removed, in words (hallucinated phrases on non-speech, repeated loops). */
  guards: z.array(z.string()),
  speech: z.array(spanSchema),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export const deliveryObservationSchema = z.object({
  kind: z.enum(['pace', 'fillers', 'pauses', 'start', 'volume', 'pitch', 'speech']),
  /** 'ok' within the plain target, 'improve' outside it. */
  level: z.enum(['ok', 'improve']),
  message: z.string(),
});
export type DeliveryObservation = z.infer<typeof deliveryObservationSchema>;

/** Observable delivery measures: what was heard, never guesses about the person. */
export const deliveryAnalyticsSchema = z.object({
  durationSeconds: z.number(),
  speakingSeconds: z.number(),
  /** Silence before the first speech; null when no speech was heard. */
  speechStartSeconds: z.number().nullable(),
  speech: z.array(spanSchema),
  /** Silences longer than 2 s between speech. */
  pauses: z.object({ count: z.number(), longestSeconds: z.number(), spans: z.array(spanSchema) }),
  wordCount: z.number().nullable(),
  wordsPerMinute: z.number().nullable(),
  paceOverTime: z.array(
    z.object({ start: z.number(), end: z.number(), wordsPerMinute: z.number() }),
  ),
  fillers: z
    .object({
      count: z.number(),
      perMinute: z.number(),
      byWord: z.record(z.string(), z.number()),
    })
    .nullable(),
  volume: z
    .object({ meanDb: z.number(), spreadDb: z.number(), consistent: z.boolean() })
    .nullable(),
  pitch: z
    .object({ medianHz: z.number(), spreadSemitones: z.number(), monotone: z.boolean() })
    .nullable(),
  observations: z.array(deliveryObservationSchema),
  /** 0–1 from the measures above (feeds the communication score); null without speech. */
  score: z.number().nullable(),
});
export type DeliveryAnalytics = z.infer<typeof deliveryAnalyticsSchema>;

export const recordingStatuses = [
  'recording',
  'interrupted',
  'stopped',
  'transcribed',
  'discarded',
] as const;
export const recordingStatusSchema = z.enum(recordingStatuses);
export type RecordingStatus = z.infer<typeof recordingStatusSchema>;

export const recordingInfoSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  questionId: idSchema,
  status: recordingStatusSchema,
  durationSeconds: z.number(),
  hasVideo: z.boolean(),
  startedAt: isoDateSchema,
  /** The final transcript once the transcription job has run. */
  transcript: transcriptSchema.nullable(),
  delivery: deliveryAnalyticsSchema.nullable(),
  /** Why transcription produced no text (no model installed, no speech heard), when it did not. */
  note: z.string().nullable(),
});
export type RecordingInfo = z.infer<typeof recordingInfoSchema>;

const recordingRef = z.object({ ...profileScoped, recordingId: idSchema });

export const recordingContract = {
  /** Opens a new WAV for the current question of an active interview. */
  'recording.start': handler(
    z.object({
      ...profileScoped,
      sessionId: idSchema,
      questionId: idSchema,
      withVideo: z.boolean().default(false),
    }),
    z.object({ recordingId: idSchema, sampleRate: z.number(), liveTranscript: z.boolean() }),
  ),
  'recording.appendAudio': handler(
    recordingRef.extend({
      /** Chunks are numbered from 0; a repeated number (a retry) is ignored. */
      seq: z.number().int().nonnegative(),
      pcm16Base64: z.string().max(MAX_AUDIO_CHUNK_BASE64),
    }),
    z.object({ receivedSeconds: z.number(), levelDb: z.number() }),
  ),
  'recording.appendVideo': handler(
    recordingRef.extend({
      seq: z.number().int().nonnegative(),
      webmBase64: z.string().max(MAX_VIDEO_CHUNK_BASE64),
    }),
    z.object({ receivedBytes: z.number() }),
  ),
  /** Closes the file and queues the final transcription pass. */
  'recording.stop': handler(
    recordingRef.extend({ reason: z.enum(['done', 'device-lost', 'error']).default('done') }),
    z.object({ recording: recordingInfoSchema, jobId: idSchema }),
  ),
  'recording.discard': handler(recordingRef, z.object({ discarded: z.boolean() })),
  'recording.get': handler(recordingRef, recordingInfoSchema),
  /** Recordings cut short by a crash (header repaired at start-up), offered back to the user. */
  'recording.recoverable': handler(
    z.object({ ...profileScoped, sessionId: idSchema.optional() }),
    z.array(recordingInfoSchema),
  ),
  /**
   * A spoken answer's audio (WAV, base64) with its timed words, for playing it back word by word
   * on the results page. Audio is null once retention deleted the file; words stay.
   */
  'recording.answerAudio': handler(
    z.object({ ...profileScoped, answerId: idSchema }),
    z.object({
      audioBase64: z.string().nullable(),
      words: z.array(timedWordSchema),
      durationSeconds: z.number(),
    }),
  ),
  /** Keeps an interrupted recording: it is transcribed like one stopped normally. */
  'recording.recover': handler(
    recordingRef,
    z.object({ recording: recordingInfoSchema, jobId: idSchema }),
  ),
} as const;
