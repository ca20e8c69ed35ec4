// The main-process side of the whisper worker: one child process per loaded model pair, one call
// at a time, every call raced against a timeout. @fugood/whisper.node cannot abort reliably (its
// promise may never settle after stop() or a native error), so abort and timeout kill the
// process; the next call starts a fresh one.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TimeSpan } from './audio-features';

export interface WhisperSegment {
  readonly text: string;
  /** Seconds. */
  readonly start: number;
  readonly end: number;
}

export interface RawTranscription {
  readonly language: string | null;
  readonly segments: WhisperSegment[];
}

export interface WorkerModels {
  readonly whisperPath: string | null;
  readonly vadPath: string | null;
}

interface NativeSegment {
  text: string;
  t0: number;
  t1: number;
}

type WorkerMessage =
  | { type: 'ready'; whisper?: boolean; vad?: boolean; error?: string }
  | { type: 'segments'; id: number; segments: NativeSegment[] }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'closed' };

const READY_TIMEOUT_MS = 30_000;

/** The worker script: beside this file in the sources, beside the bundle's entry when built. */
function workerScript(): string {
  for (const name of ['./whisper-worker.mjs', './whisper-worker.js']) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (fs.existsSync(file)) return file;
  }
  throw new Error('whisper-worker.mjs is missing from this build of Rehearse');
}

export class WhisperWorkerClient {
  private worker: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (v: unknown) => void;
      reject: (e: Error) => void;
      onSegments?: (s: NativeSegment[]) => void;
    }
  >();

  constructor(
    readonly models: WorkerModels,
    private readonly threads = 1,
  ) {}

  /** The child process's id while it runs (the bench reads its peak memory). */
  get pid(): number | null {
    return this.worker?.pid ?? null;
  }

  get hasWhisper(): boolean {
    return this.models.whisperPath !== null;
  }

  get hasVad(): boolean {
    return this.models.vadPath !== null;
  }

  /** Speech spans (seconds) by the Silero VAD model. */
  async detectSpeech(pcm16: Buffer, timeoutMs = 60_000): Promise<TimeSpan[]> {
    const result = (await this.call({ type: 'vad' }, pcm16, timeoutMs)) as {
      t0: number;
      t1: number;
    }[];
    // The binding reports centiseconds.
    return result.map((s) => ({ start: s.t0 / 100, end: s.t1 / 100 }));
  }

  /** Transcribes 16 kHz mono PCM16; `onSegments` sees each batch of segments as it is decoded. */
  async transcribe(
    pcm16: Buffer,
    options: {
      language: string;
      timeoutMs?: number;
      signal?: AbortSignal;
      onSegments?: (segments: WhisperSegment[]) => void;
    },
  ): Promise<RawTranscription> {
    // whisper.cpp encodes whole 30 s windows, so a 5 s answer costs as much as a 30 s one.
    const encodedSeconds = Math.max(1, Math.ceil(pcm16.length / 2 / 16_000 / 30)) * 30;
    const timeoutMs = options.timeoutMs ?? 30_000 + encodedSeconds * 20_000;
    const result = (await this.call(
      { type: 'transcribe', language: options.language },
      pcm16,
      timeoutMs,
      options.signal,
      options.onSegments && ((s) => options.onSegments!(s.map(toSegment))),
    )) as { language?: string; segments: NativeSegment[] };
    return { language: result.language ?? null, segments: result.segments.map(toSegment) };
  }

  /** Stops the worker (releasing the models). Safe to call more than once. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.ready = null;
    if (worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
  }

  private call(
    message: Record<string, unknown>,
    pcm16: Buffer,
    timeoutMs: number,
    signal?: AbortSignal,
    onSegments?: (s: NativeSegment[]) => void,
  ): Promise<unknown> {
    const run = async () => {
      const cancelled = () => new Error('speech recognition was cancelled');
      if (signal?.aborted) throw cancelled();
      await this.start();
      // Cancelled while the model was loading: the abort listener below would never fire.
      if (signal?.aborted) throw cancelled();
      const worker = this.worker!;
      const id = this.nextId++;
      return new Promise<unknown>((resolve, reject) => {
        const finish = (error: Error | null, value?: unknown) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.pending.delete(id);
          if (error) reject(error);
          else resolve(value);
        };
        const kill = (why: Error) => {
          finish(why);
          void this.dispose();
        };
        const timer = setTimeout(
          () =>
            kill(
              new Error(
                `speech recognition took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`,
              ),
            ),
          timeoutMs,
        );
        const onAbort = () => kill(cancelled());
        signal?.addEventListener('abort', onAbort, { once: true });
        this.pending.set(id, {
          resolve: (v) => finish(null, v),
          reject: (e) => finish(e),
          ...(onSegments && { onSegments }),
        });
        worker.send({ ...message, id, pcm: pcm16 });
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = fork(workerScript(), [], {
      // Buffers cross as bytes rather than as JSON arrays of numbers.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        ...process.env,
        REHEARSE_WHISPER_WORKER: JSON.stringify({ ...this.models, threads: this.threads }),
      },
      // Plain Node for the child even when the parent runs TypeScript through a loader.
      execArgv: [],
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('the speech model did not load within 30 s'));
        void this.dispose();
      }, READY_TIMEOUT_MS);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          if (m.error) {
            reject(new Error(`the speech model could not be loaded: ${m.error}`));
            void this.dispose();
          } else resolve();
        } else if (m.type === 'segments') this.pending.get(m.id)?.onSegments?.(m.segments);
        else if (m.type === 'result') this.pending.get(m.id)?.resolve(m.result);
        else if (m.type === 'error') this.pending.get(m.id)?.reject(new Error(m.message));
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
        this.failAll(error);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        reject(new Error('the speech worker stopped'));
        this.failAll(new Error('the speech worker stopped'));
      });
    });
    return this.ready;
  }

  private failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
  }
}

/** The binding reports Whisper's segments in milliseconds (but its VAD spans in centiseconds). */
function toSegment(s: NativeSegment): WhisperSegment {
  return { text: s.text, start: s.t0 / 1000, end: s.t1 / 1000 };
}
