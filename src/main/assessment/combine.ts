import type { QuestionType, Scores } from '../../shared/contract';

/** The measured parts of an answer, each 0–1 unless said otherwise, that scores are made from. */
export interface ScoreParts {
  readonly type: QuestionType;
  readonly wordCount: number;
  /** Share of expected key points covered; null when the question lists none. For questions
   * judged by the parts of their answer, the weighted share of those parts. */
  readonly keywordCoverage: number | null;
  /** Behavioural, situational and motivation questions: judged by the parts of the answer. */
  readonly judgedByParts?: boolean;
  /** Closeness to the ideal answer (lexical, or lexical and semantic blended). */
  readonly relevance: number;
  /** Mean words per sentence. */
  readonly avgSentence: number;
  /** Filler words per 100 words. */
  readonly fillerRate: number;
  /** STAR parts found ÷ 4 for behavioral questions; 1 otherwise. */
  readonly starScore: number;
  readonly overTimeSeconds: number;
  /** Grammar and spelling issues per 100 words, when a grammar engine ran. */
  readonly grammarIssueRate?: number | undefined;
  /** 0–1 delivery score of a spoken answer (pace, pauses, fillers, volume, pitch). */
  readonly deliveryScore?: number | undefined;
  /** The answer only says there is no answer ("I don't know"): nothing was communicated. */
  readonly noAttempt?: boolean;
}

/**
 * One place that turns parts into the five 0–100 scores, whichever engines measured them.
 * Weights are set by reasoning, not fitted: content is what was said, communication how
 * (length, sentences, fillers, structure, language), technical leans on key points.
 */
export function combineScores(p: ScoreParts): Scores {
  const keywordPart = p.keywordCoverage ?? p.relevance;
  // Length is judged under communication; content only discounts answers of a few words,
  // where overlap with the ideal answer is mostly chance.
  // Closeness to the sample answer is one example among many good answers to a behavioural or
  // motivation question, so there it weighs less than the parts of a strong answer.
  const keyPointWeight = p.judgedByParts ? 0.7 : 0.5;
  const content =
    100 *
    (keyPointWeight * keywordPart + (1 - keyPointWeight) * p.relevance) *
    Math.min(1, p.wordCount / 4);
  const sentenceScore =
    p.avgSentence === 0 ? 0 : p.avgSentence <= 30 ? 1 : clamp(1 - (p.avgSentence - 30) / 40);
  // Delivery cues mean little on a handful of words, so they count in proportion to length, and
  // not at all when the words only say there is no answer.
  const substance = p.noAttempt ? 0 : Math.min(1, p.wordCount / 4);
  const language = p.grammarIssueRate === undefined ? 1 : clamp(1 - p.grammarIssueRate / 10);
  const written =
    100 *
      (0.35 * lengthScore(p.wordCount) +
        substance *
          (0.2 * sentenceScore +
            0.15 * clamp(1 - p.fillerRate / 8) +
            0.2 * p.starScore +
            0.1 * language)) -
    Math.min(15, p.overTimeSeconds / 4);
  // A spoken answer is also judged on how it sounded; typed answers are unchanged.
  const communication =
    p.deliveryScore === undefined ? written : 0.7 * written + 30 * p.deliveryScore;
  const technical =
    100 *
    (p.type === 'technical'
      ? 0.7 * keywordPart + 0.3 * p.relevance
      : 0.5 * keywordPart + 0.5 * p.relevance);
  const relevance = 100 * p.relevance;
  return roundScores({
    content,
    communication,
    technical,
    relevance,
    overall:
      OVERALL_WEIGHTS.content * content +
      OVERALL_WEIGHTS.communication * communication +
      OVERALL_WEIGHTS.technical * technical +
      OVERALL_WEIGHTS.relevance * relevance,
  });
}

/** How the overall score weighs the others (also used when a follow-up raises content). */
export const OVERALL_WEIGHTS = {
  content: 0.45,
  communication: 0.25,
  technical: 0.2,
  relevance: 0.1,
} as const;

function lengthScore(wordCount: number): number {
  if (wordCount < 60) return wordCount / 60;
  if (wordCount <= 350) return 1;
  return Math.max(0.6, 1 - (wordCount - 350) / 1000);
}

function roundScores(s: Scores): Scores {
  const r = (n: number) => Math.round(Math.max(0, Math.min(100, n)));
  return {
    content: r(s.content),
    communication: r(s.communication),
    technical: r(s.technical),
    relevance: r(s.relevance),
    overall: r(s.overall),
  };
}

export function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}
