import { loadEmbedder } from '../engines/embeddings/embedder';
import { createLinguistics } from '../engines/language/linguistics';
import { loadThesaurus } from '../engines/language/thesaurus';
import {
  createGrammarEngine,
  inProcessLanguage,
  startLanguageWorker,
  type GrammarEngine,
  type LanguageAnalyser,
} from '../engines/language/language-analyser';
import { words } from '../engines/language/text';
import { resolveInstalledModel } from '../engines/models/resolve';
import { chanceAlignment } from './calibration';
import { createEvaluator, type AnswerEvaluator } from './evaluator';

export interface EngineOptions {
  /**
   * A sentence-embedding model folder (all-MiniLM-L6-v2 layout); null: none. A function is asked
   * again before each use, so a model installed, changed or removed in the model manager takes
   * effect without a restart.
   */
  readonly embeddingModelDir?: string | null | (() => string | null);
  /**
   * Grammar and spelling: true or 'rules' (default: a dictionary and pattern rules, ~1 ms per
   * answer), 'harper' (harper.js: more thorough, ~2 s to start, ~600 MB of memory and ~10 ms per
   * sentence it has not seen), false: none.
   */
  readonly grammar?: boolean | GrammarEngine;
  /** Tagging (wink-nlp: lemmas, sentiment) and synonyms (WordNet), both offline. */
  readonly linguistics?: boolean;
  /**
   * Where grammar checking and tagging run: 'worker' (default) is a worker thread of their own,
   * so Harper's parse never blocks the main event loop and overlaps with the embedding model;
   * 'main' runs them in this thread (also the fallback when the worker cannot start).
   */
  readonly languageThread?: 'worker' | 'main';
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
  /** Loads the engines once (in the background of the first scoring job), then reuses them;
   * reloads the embedding layer when the embedding model changes. */
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

  const embeddingDir = (): string | null =>
    typeof options.embeddingModelDir === 'function'
      ? options.embeddingModelDir()
      : (options.embeddingModelDir ?? null);
  // Grammar and linguistics do not depend on the embedding model: loaded once.
  let base: Promise<LanguageAnalyser | null> | null = null;
  const loadBase = async (): Promise<LanguageAnalyser | null> => {
    if (!options.grammar && !options.linguistics) return null;
    const engine = grammarEngine(options.grammar);
    // The bank's own words are spelled right, however technical.
    const vocabulary = engine === 'rules' ? bankVocabulary(await bankAnswers()) : [];
    if (options.languageThread !== 'main') {
      const worker = await attempt('language worker', () =>
        startLanguageWorker({
          grammar: engine,
          linguistics: !!options.linguistics,
          thesaurus: !!options.linguistics,
          vocabulary,
        }),
      );
      if (worker) {
        problems.push(...worker.problems);
        disposers.push(() => worker.dispose());
        return worker;
      }
    }
    const grammar = engine
      ? await attempt('grammar checker', () => createGrammarEngine(engine, vocabulary))
      : null;
    const linguistics = options.linguistics
      ? await attempt('linguistics', async () => createLinguistics())
      : null;
    const thesaurus = options.linguistics
      ? await attempt('thesaurus', async () => loadThesaurus())
      : null;
    const language = inProcessLanguage(grammar, linguistics, vocabulary, thesaurus);
    disposers.push(() => language.dispose());
    return language;
  };

  const load = async (dir: string | null): Promise<AnswerEvaluator> => {
    const embedder = dir ? await attempt('embedding model', () => loadEmbedder(dir)) : null;
    // The embedder of a replaced model is kept until dispose(): a scoring job may still use it.
    if (embedder) disposers.push(() => embedder.dispose());
    const language = await (base ??= loadBase());
    const chance = embedder
      ? await attempt('embedding calibration', async () =>
          chanceAlignment(embedder, await bankAnswers()),
        )
      : null;
    current = createEvaluator({
      embedder,
      language,
      ...(chance !== null && { chance }),
    });
    return current;
  };
  let loadedFor: string | null | undefined;

  return {
    get: () => {
      const dir = embeddingDir();
      if (!loading || dir !== loadedFor) {
        loadedFor = dir;
        loading = load(dir);
      }
      return loading;
    },
    currentId: () => current.id,
    problems: () => [...problems],
    dispose: async () => {
      if (loading) await loading.catch(() => undefined);
      for (const dispose of disposers) await dispose();
    },
  };
}

/** REHEARSE_GRAMMAR=harper|rules|off picks the grammar checker (default: rules). */
export function grammarFromEnv(env: NodeJS.ProcessEnv = process.env): GrammarEngine | false {
  const value = env['REHEARSE_GRAMMAR']?.trim().toLowerCase();
  if (value === 'harper') return 'harper';
  if (value === 'off' || value === 'none') return false;
  return 'rules';
}

function grammarEngine(option: EngineOptions['grammar']): GrammarEngine | null {
  if (!option) return null;
  return option === true ? 'rules' : option;
}

function bankVocabulary(answers: readonly { idealAnswer: string }[]): string[] {
  const vocabulary = new Set<string>();
  for (const a of answers) for (const w of words(a.idealAnswer)) vocabulary.add(w);
  return [...vocabulary];
}
