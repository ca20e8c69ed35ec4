// Messages between the main thread and the language worker (language-worker.ts), which holds the
// grammar checker and the tagger so that their parsing never blocks the main event loop and runs
// at the same time as the embedding model.
import type { GrammarIssue } from './harper-checker';
import type { LinguisticAnalysis } from './linguistics';

export interface LanguageRequest {
  readonly text: string;
  /** Check grammar and spelling (Harper). */
  readonly grammar: boolean;
  /** Tag the text (wink): sentiment, lemmas, entities. */
  readonly linguistics: boolean;
  /** Short phrases (key points and their synonyms) whose lemmas are wanted as well. */
  readonly lemmaForms: readonly string[];
  /** Terms to accept as spelled right in this answer (the question's and ideal answer's words). */
  readonly knownWords?: readonly string[];
  /** Another grammar checker than the analyser's default for this answer (a profile's choice);
   * it is loaded on first use. */
  readonly grammarEngine?: GrammarEngine;
  /** The ideal answer's term stems: answer words that are synonyms of one are wanted. */
  readonly synonymTargets?: readonly string[];
}

export interface LanguageResult {
  readonly grammarIssues: GrammarIssue[] | null;
  /** The checker that found them (null: none ran). */
  readonly grammarId: string | null;
  readonly analysis: LinguisticAnalysis | null;
  /** Lemmas of each requested form, in request order. */
  readonly formLemmas: string[][];
  /** Answer words that are synonyms of a target, with the target (empty without a thesaurus). */
  readonly synonyms: [word: string, target: string][];
}

/**
 * 'rules': dictionary spelling and pattern rules (rules-grammar.ts), about a millisecond per
 * answer; 'harper': Harper's full parse (grammar.ts), more thorough, ~10 ms per new sentence and
 * ~600 MB of memory.
 */
export type GrammarEngine = 'rules' | 'harper';

export interface LanguageWorkerInit {
  readonly grammar: GrammarEngine | null;
  readonly linguistics: boolean;
  /** Load WordNet's synonyms (thesaurus.ts). */
  readonly thesaurus?: boolean;
  /** Words the spelling check accepts besides its dictionary (the question bank's vocabulary). */
  readonly vocabulary?: readonly string[];
}

export type ToLanguageWorker =
  | { readonly type: 'analyse'; readonly id: number; readonly request: LanguageRequest }
  | { readonly type: 'close' };

export type FromLanguageWorker =
  | {
      readonly type: 'ready';
      readonly grammarId: string | null;
      readonly linguisticsId: string | null;
      readonly thesaurusId: string | null;
      /** Engines asked for that could not start, with why. */
      readonly problems: string[];
    }
  | { readonly type: 'result'; readonly id: number; readonly result: LanguageResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
