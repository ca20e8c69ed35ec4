import { createGrammarChecker } from '../nlp/grammar';
import { loadEmbedder } from '../nlp/embedder';
import { createLinguistics } from '../nlp/linguistics';
import { resolveInstalledModel } from '../models/resolve';
import { chanceAlignment } from './calibration';
import { createEvaluator, type AnswerEvaluator } from './evaluator';

export interface EngineOptions {
  /** A sentence-embedding model folder (all-MiniLM-L6-v2 layout); null: none. */
  readonly embeddingModelDir?: string | null;
  /** harper.js grammar checking: about 2 s to start and ~600 MB of memory, so it can be turned off. */
  readonly grammar?: boolean;
  readonly linguistics?: boolean;
}

/**
 * Where an embedding model is looked for when none is configured: the model manager's resolver
 * (REHEARSE_EMBEDDING_MODEL, then the active or installed model, then a folder dropped into
 * `<dataDir>/models/embeddings/`).
 */
export function findEmbeddingModel(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  return resolveInstalledModel(dataDir, 'embeddings', env)?.path ?? null;
}

export interface EvaluatorProvider {
  /** Loads the engines once (in the background of the first scoring job), then reuses them. */
  get(): Promise<AnswerEvaluator>;
  /** The id of what is loaded so far (lexical only until the engines are up). */
  currentId(): string;
  /** Engines that failed to load, with why: reported, never fatal — the lexical engine always works. */
  problems(): string[];
  dispose(): Promise<void>;
}

export function createEvaluatorProvider(
  options: EngineOptions,
  bankAnswers: () => Promise<{ roleId: string; idealAnswer: string }[]>,
): EvaluatorProvider {
  let current = createEvaluator();
  let loading: Promise<AnswerEvaluator> | null = null;
  const problems: string[] = [];
  const disposers: (() => Promise<void>)[] = [];

  const attempt = async <T>(what: string, load: () => Promise<T>): Promise<T | null> => {
    try {
      return await load();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  const load = async (): Promise<AnswerEvaluator> => {
    const embedder = options.embeddingModelDir
      ? await attempt('embedding model', () => loadEmbedder(options.embeddingModelDir!))
      : null;
    if (embedder) disposers.push(() => embedder.dispose());
    const grammar = options.grammar
      ? await attempt('grammar checker', () => createGrammarChecker())
      : null;
    if (grammar) disposers.push(() => grammar.dispose());
    const linguistics = options.linguistics
      ? await attempt('linguistics', async () => createLinguistics())
      : null;
    const chance = embedder
      ? await attempt('embedding calibration', async () =>
          chanceAlignment(embedder, await bankAnswers()),
        )
      : null;
    current = createEvaluator({
      embedder,
      grammar,
      linguistics,
      ...(chance !== null && { chance }),
    });
    return current;
  };

  return {
    get: () => (loading ??= load()),
    currentId: () => current.id,
    problems: () => [...problems],
    dispose: async () => {
      if (loading) await loading.catch(() => undefined);
      for (const dispose of disposers) await dispose();
    },
  };
}
