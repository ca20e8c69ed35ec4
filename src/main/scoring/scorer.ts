import type { QuestionType, Scores } from '../../shared/contract';
import type { AnswerSignals } from './signals';

/** What every scoring engine receives. Engines must not need the LLM (DEVELOPERS.md). */
export interface ScoreInput {
  readonly question: string;
  readonly idealAnswer: string;
  readonly expectedKeywords: readonly string[];
  /** Other wordings that count for a keyword (term → synonyms). */
  readonly keywordSynonyms?: Readonly<Record<string, readonly string[]>>;
  readonly type: QuestionType;
  readonly answer: string;
  readonly timeLimitSeconds: number;
  readonly overTimeSeconds: number;
  /** Delivery analytics of a spoken answer (speech/); absent for typed answers. */
  readonly delivery?: {
    readonly score: number | null;
    readonly observations: readonly {
      readonly level: 'ok' | 'improve';
      readonly message: string;
    }[];
  } | null;
}

export interface ScoreDetails {
  readonly keywordsFound: string[];
  readonly keywordsMissing: string[];
  readonly wordCount: number;
  /** Cosine of answer and ideal answer term vectors, question terms demoted; 0..1. */
  readonly lexicalSimilarity: number;
  readonly fillerCount: number;
  readonly structure: { readonly hasNumbers: boolean; readonly starParts: string[] };
  /** Fillers, hedges, vocabulary, specificity and input flags (see signals.ts). */
  readonly signals: AnswerSignals;
}

export interface ScoreOutput {
  readonly scores: Scores;
  readonly strengths: string[];
  readonly improvements: string[];
  readonly feedbackText: string;
  /** 0..1: how much to trust these numbers; lexical scoring of short answers is shaky. */
  readonly confidence: number;
  readonly details: ScoreDetails;
}

export interface AnswerScorer {
  /** Name and version, stored with each feedback row so scores can be traced to their engine. */
  readonly id: string;
  score(input: ScoreInput): ScoreOutput;
}
