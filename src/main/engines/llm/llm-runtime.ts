import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../platform/worker-thread';
import type { FromWorker, GenerateRequest, GenerationStats, ToWorker } from './protocol';

export type LlmFailure =
  'model-missing' | 'model-invalid' | 'too-big' | 'timeout' | 'cancelled' | 'failed';

/** Why the LLM path did not produce text; the caller falls back and records `kind` and message. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface LlmRuntimeOptions {
  readonly modelPath: string;
  /** Tokens of context; capped at what the model was trained with. Our prompts are short. */
  readonly contextSize?: number;
  /** Default: 1 for tiny models (thread sync swamps them), else all cores but one. */
  readonly threads?: number;
  /** Free the model after this long without a request (load on demand, unload when idle). */
  readonly idleUnloadMs?: number;
  readonly loadTimeoutMs?: number;
  /** The machine's memory in bytes; injectable so the refusal can be tested. */
  readonly memory?: () => { readonly total: number; readonly free: number };
}

export interface GenerateOptions {
  /** The whole request (waiting for the model to load included) fails after this long. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onToken?: (text: string) => void;
}

export interface GenerateResult {
  readonly text: string;
  readonly stats: GenerationStats;
  /** e.g. "qwen2.5-1.5b-instruct-q4_k_m": stored with everything the model wrote. */
  readonly modelId: string;
  /** Milliseconds spent loading the model for this request (0 when it was already loaded). */
  readonly loadMs: number;
}

type State = 'unloaded' | 'loading' | 'ready';

const TINY_MODEL_BYTES = 100 * 1024 * 1024;
// A model's weights are mapped whole; context, KV cache and runtime add to that.
const OVERHEAD_FACTOR = 1.2;
const OVERHEAD_BYTES = 300 * 1024 * 1024;
// What share of the machine's memory a model may take: the app, the OS and the browser need the rest.
const MAX_SHARE_OF_RAM = 0.6;

/**
 * Holds one GGUF model in a worker thread: loads it on the first request, runs requests one at
 * a time with streaming, timeout and cancel, and unloads it (ending the thread, so its memory is
 * returned) after it has been idle for a while.
 */
export class LlmRuntime {
  readonly modelId: string;
  readonly modelPath: string;
  private worker: Worker | null = null;
  private state: State = 'unloaded';
  private loading: Promise<number> | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(message: FromWorker) => void>();
  private readonly retired = new WeakSet<Worker>();

  constructor(private readonly options: LlmRuntimeOptions) {
    this.modelPath = options.modelPath;
    this.modelId = path
      .basename(options.modelPath)
      .replace(/\.gguf$/i, '')
      .toLowerCase();
  }

  status(): State {
    return this.state;
  }

  /** Serialised: a second request waits for the first (one context, one sequence). */
  generate(request: GenerateRequest, options: GenerateOptions): Promise<GenerateResult> {
    const run = this.queue.then(() => this.runOne(request, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async unload(): Promise<void> {
    this.clearIdle();
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.state = 'unloaded';
    this.loading = null;
    // Nothing waits on an unloaded thread: its end must not reach a new thread's requests (a
    // request that starts the next load while this one is still exiting).
    this.retired.add(worker);
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'unload' } satisfies ToWorker);
    const graceful = await Promise.race([ended.then(() => true), delay(3_000).then(() => false)]);
    // Still in a native call: the thread unloads and ends when it returns (see retire()); it
    // must not keep the app from quitting meanwhile.
    if (!graceful) worker.unref();
  }

  dispose(): Promise<void> {
    return this.unload();
  }

  private async runOne(
    request: GenerateRequest,
    options: GenerateOptions,
  ): Promise<GenerateResult> {
    this.clearIdle();
    const started = performance.now();
    const deadline = started + options.timeoutMs;
    try {
      if (options.signal?.aborted) throw new LlmError('cancelled', 'The request was cancelled.');
      const wasReady = this.state === 'ready';
      await this.withDeadline(
        this.ensureLoaded(),
        deadline,
        options.signal,
        null,
        options.timeoutMs,
      );
      const loadMs = wasReady ? 0 : Math.round(performance.now() - started);
      const id = this.nextId++;
      const worker = this.worker!;
      const result = new Promise<{ text: string; stats: GenerationStats }>((resolve, reject) => {
        const listener = (message: FromWorker) => {
          if (message.type !== 'exited' && (!('id' in message) || message.id !== id)) return;
          if (message.type === 'token') options.onToken?.(message.text);
          else if (message.type === 'done') {
            this.listeners.delete(listener);
            resolve({ text: message.text, stats: message.stats });
          } else if (message.type === 'exited') {
            this.listeners.delete(listener);
            reject(new LlmError('failed', 'The language model stopped unexpectedly.'));
          } else if (message.type === 'failed') {
            this.listeners.delete(listener);
            reject(
              message.aborted
                ? new LlmError('cancelled', 'The request was cancelled.')
                : new LlmError('failed', `The language model failed: ${message.message}`),
            );
          }
        };
        this.listeners.add(listener);
      });
      worker.postMessage({ type: 'generate', id, request } satisfies ToWorker);
      const out = await this.withDeadline(result, deadline, options.signal, id, options.timeoutMs);
      return { ...out, modelId: this.modelId, loadMs };
    } finally {
      this.scheduleIdle();
    }
  }

  /**
   * Races work against the deadline and the caller's signal. On either, a running generation is
   * asked to stop; if it does not within a second (a native call that will not yield), its
   * thread is retired. A load is left to finish: the next request uses it.
   */
  private async withDeadline<T>(
    work: Promise<T>,
    deadline: number,
    signal: AbortSignal | undefined,
    requestId: number | null,
    budgetMs: number,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new LlmError(
              'timeout',
              `The language model did not answer within its time budget (${budgetMs} ms).`,
            ),
          ),
        Math.max(0, deadline - performance.now()),
      );
      onAbort = () => reject(new LlmError('cancelled', 'The request was cancelled.'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, stop]);
    } catch (error) {
      if (error instanceof LlmError && (error.kind === 'timeout' || error.kind === 'cancelled')) {
        await this.interrupt(requestId);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  private async interrupt(requestId: number | null): Promise<void> {
    const worker = this.worker;
    if (!worker || requestId === null || this.state !== 'ready') return;
    const stopped = new Promise<boolean>((resolve) => {
      const listener = (message: FromWorker) => {
        if ('id' in message && message.id === requestId && message.type !== 'token') {
          this.listeners.delete(listener);
          resolve(true);
        }
      };
      this.listeners.add(listener);
      void delay(1_000).then(() => {
        this.listeners.delete(listener);
        resolve(false);
      });
    });
    worker.postMessage({ type: 'abort', id: requestId } satisfies ToWorker);
    if (!(await stopped)) this.retire(worker);
  }

  /**
   * Gives up on a thread stuck in a native call (a long prompt on a busy machine): the next
   * request starts a new one. The stuck thread is never terminated — ending a thread while
   * node-llama-cpp's native code runs in it aborts the whole process — but told to unload,
   * which it does, ending itself, once the call returns.
   */
  private retire(worker: Worker): void {
    this.retired.add(worker);
    if (this.worker === worker) {
      this.worker = null;
      this.state = 'unloaded';
      this.loading = null;
    }
    worker.postMessage({ type: 'unload' } satisfies ToWorker);
    worker.unref();
  }

  private ensureLoaded(): Promise<number> {
    if (this.state === 'ready' && this.worker) return Promise.resolve(0);
    if (this.loading) return this.loading;
    this.loading = this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<number> {
    const { modelPath } = this.options;
    let size: number;
    try {
      size = fs.statSync(modelPath).size;
    } catch {
      throw new LlmError('model-missing', `The language model file ${modelPath} does not exist.`);
    }
    const memory = this.options.memory?.() ?? { total: os.totalmem(), free: os.freemem() };
    const needed = size * OVERHEAD_FACTOR + OVERHEAD_BYTES;
    if (needed > memory.total * MAX_SHARE_OF_RAM) {
      throw new LlmError(
        'too-big',
        `The language model ${path.basename(modelPath)} needs about ${gb(needed)} of memory; this ` +
          `computer has ${gb(memory.total)}, so Rehearse will not load it. Choose a smaller model.`,
      );
    }
    this.state = 'loading';
    const worker = startWorker();
    this.worker = worker;
    worker.on('message', (message: FromWorker) => {
      for (const listener of [...this.listeners]) listener(message);
    });
    worker.on('error', (error) => {
      for (const listener of [...this.listeners])
        listener({ type: 'failed', id: -1, message: error.message, aborted: false });
    });
    worker.on('exit', () => {
      // A retired thread's requests were answered when it was retired; the current thread's
      // requests must not hear of its end.
      if (this.retired.has(worker)) return;
      if (this.worker === worker) {
        this.worker = null;
        this.state = 'unloaded';
        this.loading = null;
      }
      // Anyone still waiting on this thread hears that it is gone.
      for (const listener of [...this.listeners]) {
        listener({ type: 'load-failed', message: 'the LLM worker stopped' });
        listener({ type: 'exited' });
      }
    });
    const threads =
      this.options.threads ??
      (size < TINY_MODEL_BYTES ? 1 : Math.max(1, os.availableParallelism() - 1));
    const loaded = new Promise<number>((resolve, reject) => {
      const listener = (message: FromWorker) => {
        if (message.type === 'loaded') {
          this.listeners.delete(listener);
          resolve(message.loadMs);
        } else if (message.type === 'load-failed') {
          this.listeners.delete(listener);
          reject(
            new LlmError(
              'model-invalid',
              `The language model ${path.basename(modelPath)} could not be loaded (${message.message}). ` +
                'The file may be damaged or not a GGUF model: install it again.',
            ),
          );
        }
      };
      this.listeners.add(listener);
    });
    worker.postMessage({
      type: 'load',
      modelPath,
      contextSize: this.options.contextSize ?? 2048,
      threads,
    } satisfies ToWorker);
    try {
      const loadMs = await loaded;
      this.state = 'ready';
      return loadMs;
    } catch (error) {
      await this.unload();
      throw error;
    }
  }

  private scheduleIdle(): void {
    this.clearIdle();
    if (!this.worker) return;
    this.worker.unref(); // an idle model must not keep the CLI or a test process alive
    this.idleTimer = setTimeout(() => void this.unload(), this.options.idleUnloadMs ?? 120_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.worker?.ref();
  }
}

function startWorker(): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const worker = startWorkerThread(here, 'llm-worker');
  if (!worker) throw new LlmError('failed', `The LLM worker was not found next to ${here}.`);
  return worker;
}

function gb(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
