import type { EventName } from '../../shared/contract';
import type { InvokeReply } from '../../shared/ipc-channels';
import {
  parseBackendMessage,
  type BackendReply,
  type BackendRequest,
} from '../app/backend-protocol';
import type { AskSavePath } from '../app/save-export';
import { AppError } from '../platform/errors';

/** One running backend process, however it was started (Node fork, Electron utility process). */
export interface BackendChild {
  readonly pid: number | undefined;
  send(message: BackendRequest): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** Called once, when the process has ended; `how` says how ("was stopped by SIGKILL"). */
  onExit(listener: (how: string) => void): void;
  /** Ends the process at once, for one that does not close when asked. */
  kill(): void;
}

export type BackendSpawner = () => BackendChild;

export interface BackendSupervisorOptions {
  readonly spawn: BackendSpawner;
  /** Gives up after this many crashes in a row, each soon after its start. */
  readonly maxQuickCrashes?: number;
  /** A crash within this long of the backend being ready counts as quick. */
  readonly quickCrashMs?: number;
  /** How long a clean shutdown may take before the process is killed. */
  readonly shutdownTimeoutMs?: number;
  readonly now?: () => number;
}

type AnyListener = (event: EventName, payload: unknown) => void;

interface PendingCall {
  readonly resolve: (reply: BackendReply) => void;
  readonly askSavePath?: AskSavePath;
}

export const BACKEND_RESTARTED_MESSAGE =
  "Rehearse's background process stopped and was restarted; try again.";

const CLOSING = new AppError('INVALID_STATE', 'Rehearse is closing.');

/**
 * Runs the backend process and stands in for it: `invoke` and `onAny` are what the HTTP server
 * and the Electron IPC relay use (the same shape as HandlerRegistry and EventBus in one process).
 * When the backend dies unasked (a crash, a native abort, kill -9) the calls in flight fail with
 * a clear error, a fresh backend starts (its job queue requeues the jobs that were running, so
 * nothing is lost), calls made meanwhile wait for it, and `backend.restarted` is emitted. After
 * `maxQuickCrashes` quick crashes in a row it gives up: every call then fails saying so.
 */
export class BackendSupervisor {
  private child: BackendChild | null = null;
  private ready: Promise<void> = Promise.resolve();
  private readyAt = 0;
  private everReady = false;
  private quickCrashes = 0;
  private restarts = 0;
  private failure: AppError | null = null;
  private closing: Promise<void> | null = null;
  private whenExited: (() => void) | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<AnyListener>();
  private readonly now: () => number;
  private dataDirOfBackend = '';

  private constructor(private readonly options: BackendSupervisorOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts the backend; rejects with the backend's own reason when it cannot start. */
  static async start(options: BackendSupervisorOptions): Promise<BackendSupervisor> {
    const supervisor = new BackendSupervisor(options);
    supervisor.ready = supervisor.launch();
    await supervisor.ready;
    return supervisor;
  }

  /** The data folder the backend opened. */
  get dataDir(): string {
    return this.dataDirOfBackend;
  }

  /** The backend's process id while one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Runs one operation of the contract in the backend; throws its AppError when it fails. */
  async invoke(name: string, input: unknown): Promise<unknown> {
    const reply = await this.call({ type: 'invoke', name, input });
    if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.details);
    return reply.result;
  }

  /** Saves an export to the path `askSavePath` picks; the backend writes the file. */
  async save(name: string, input: unknown, askSavePath: AskSavePath): Promise<InvokeReply> {
    try {
      return await this.call({ type: 'save', name, input }, askSavePath);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toJSON() };
      throw error;
    }
  }

  /** Every event of the backend, and `backend.restarted` after a restart. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the backend to finish and exit; kills it when it takes longer than allowed. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => (this.whenExited = resolve));
    child.send({ type: 'shutdown' });
    const timer = setTimeout(() => child.kill(), this.options.shutdownTimeoutMs ?? 30_000);
    await exited;
    clearTimeout(timer);
  }

  private async call(
    request: { type: 'invoke' | 'save'; name: string; input: unknown },
    askSavePath?: AskSavePath,
  ): Promise<BackendReply> {
    for (;;) {
      if (this.closing) throw CLOSING;
      if (this.failure) throw this.failure;
      await this.ready;
      const child = this.child;
      // Null only between an exit and the next launch, which replaces `ready`: wait for it.
      if (!child || this.closing) continue;
      const id = this.nextId++;
      return new Promise<BackendReply>((resolve) => {
        this.pending.set(id, { resolve, ...(askSavePath && { askSavePath }) });
        child.send({ ...request, id });
      });
    }
  }

  private emit(event: EventName, payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Starts a backend; resolves when it is ready to answer. */
  private launch(): Promise<void> {
    const child = this.options.spawn();
    this.child = child;
    let isReady = false;
    let fatal: AppError | null = null;
    return new Promise<void>((resolve, reject) => {
      child.onMessage((raw) => {
        if (this.child !== child) return;
        let message;
        try {
          message = parseBackendMessage(raw);
        } catch (error) {
          console.error(
            '[rehearse] a message from the background process was not understood:',
            error,
          );
          return;
        }
        switch (message.type) {
          case 'ready':
            isReady = true;
            this.everReady = true;
            this.readyAt = this.now();
            this.dataDirOfBackend = message.dataDir;
            return resolve();
          case 'fatal':
            fatal = new AppError(message.error.code, message.error.message, message.error.details);
            return;
          case 'reply': {
            const call = this.pending.get(message.id);
            this.pending.delete(message.id);
            return call?.resolve(message.reply);
          }
          case 'save.ask':
            return this.askPath(child, message.id, message.fileName, message.mimeType);
          case 'event':
            return this.emit(message.event, message.payload);
          case 'closed':
            return;
        }
      });
      child.onExit((how) => {
        if (this.child !== child) return;
        this.child = null;
        this.exited(how, isReady, fatal, resolve, reject);
      });
    });
  }

  private askPath(child: BackendChild, id: number, fileName: string, mimeType: string): void {
    const ask = this.pending.get(id)?.askSavePath;
    const answer = (path: string | null) => {
      if (this.child === child) child.send({ type: 'save.target', id, path });
    };
    if (!ask) return answer(null);
    ask(fileName, mimeType).then(answer, (error: unknown) => {
      console.error('[rehearse] asking where to save failed:', error);
      answer(null);
    });
  }

  private exited(
    how: string,
    wasReady: boolean,
    fatal: AppError | null,
    resolveReady: (next: Promise<void>) => void,
    rejectReady: (error: AppError) => void,
  ): void {
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    const failAll = (error: AppError) => inFlight.forEach((call) => call.resolve(failed(error)));
    if (this.closing) {
      failAll(CLOSING);
      this.whenExited?.();
      return;
    }
    if (!this.everReady) {
      // The first start failed: the caller of start() reports why (e.g. the folder is in use).
      rejectReady(
        fatal ??
          new AppError(
            'INTERNAL',
            `Rehearse's background process stopped while starting (it ${how}).`,
          ),
      );
      return;
    }
    console.error(`[rehearse] the background process ${how}${fatal ? `: ${fatal.message}` : ''}`);
    const quick = !wasReady || this.now() - this.readyAt < (this.options.quickCrashMs ?? 60_000);
    // A backend that ran for a while breaks the run: only quick crashes in a row count.
    this.quickCrashes = quick ? this.quickCrashes + 1 : 0;
    if (this.quickCrashes >= (this.options.maxQuickCrashes ?? 3)) {
      this.failure = new AppError(
        'UNAVAILABLE',
        `Rehearse's background process keeps stopping (it ${how}${fatal ? `: ${fatal.message}` : ''}). ` +
          'Quit Rehearse and open it again; what you saved is kept.',
      );
      failAll(this.failure);
      // Callers waiting for a backend that never came up see the same error.
      rejectReady(this.failure);
      this.ready = Promise.reject(this.failure);
      this.ready.catch(() => undefined);
      return;
    }
    failAll(new AppError('UNAVAILABLE', BACKEND_RESTARTED_MESSAGE));
    this.restarts += 1;
    const restarts = this.restarts;
    const next = this.launch();
    this.ready = next;
    // A backend that died while starting hands its waiting callers to the next one.
    if (!wasReady) resolveReady(next);
    next.then(
      () => this.emit('backend.restarted', { reason: `it ${how}`, restarts }),
      () => undefined,
    );
  }
}

function failed(error: AppError): BackendReply {
  return { ok: false, error: error.toJSON() };
}
