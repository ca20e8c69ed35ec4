// Messages between the main thread and the language worker (language-worker.ts), which holds the
// grammar checker and the tagger so that their parsing never blocks the main event loop and runs
// at the same time as the embedding model.
import type { GrammarCheckerOptions, GrammarIssue } from './grammar';
import type { LinguisticAnalysis } from './linguistics';

export interface LanguageRequest {
  readonly text: string;
  /** Check grammar and spelling (Harper). */
  readonly grammar: boolean;
  /** Tag the text (wink): sentiment, lemmas, entities. */
  readonly linguistics: boolean;
  /** Short phrases (key points and their synonyms) whose lemmas are wanted as well. */
  readonly lemmaForms: readonly string[];
}

export interface LanguageResult {
  readonly grammarIssues: GrammarIssue[] | null;
  readonly analysis: LinguisticAnalysis | null;
  /** Lemmas of each requested form, in request order. */
  readonly formLemmas: string[][];
}

export interface LanguageWorkerInit {
  readonly grammar: GrammarCheckerOptions | null;
  readonly linguistics: boolean;
}

export type ToLanguageWorker =
  | { readonly type: 'analyse'; readonly id: number; readonly request: LanguageRequest }
  | { readonly type: 'close' };

export type FromLanguageWorker =
  | {
      readonly type: 'ready';
      readonly grammarId: string | null;
      readonly linguisticsId: string | null;
      /** Engines asked for that could not start, with why. */
      readonly problems: string[];
    }
  | { readonly type: 'result'; readonly id: number; readonly result: LanguageResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
