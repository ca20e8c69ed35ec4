import type { QuestionType, Scores } from '../../shared/contract';
import type { AnswerPartId, FoundPart } from './answer-parts';
import type { AnswerSignals } from './signals';

/** What every scoring engine receives. Engines never need the LLM. */
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
  /** Share of the answer's words repeated word for word from the sample answer (0–1). */
  readonly copiedShare: number;
  /** For questions judged by the parts of their answer (see answer-parts.ts): which parts the
   * answer has, with its own words as evidence, and which it lacks; null for fact questions. */
  readonly answerParts: {
    readonly found: readonly FoundPart[];
    readonly missing: readonly { id: AnswerPartId; label: string; advice: string }[];
    readonly endsWith: string;
  } | null;
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
