import type { PackQuestion } from '../../shared/packs/pack-schema';
import type { ScoreInput } from '../assessment/scorer';

/** What the evaluator receives for an answer to a built-in bank question. */
export function scoreInputOf(q: PackQuestion, answer: string): ScoreInput {
  return {
    question: q.content,
    idealAnswer: q.idealAnswer,
    expectedKeywords: q.keywords.map((k) => k.term),
    keywordSynonyms: Object.fromEntries(q.keywords.map((k) => [k.term, k.synonyms])),
    type: q.type,
    answer,
    timeLimitSeconds: q.timeLimitSeconds,
    overTimeSeconds: 0,
  };
}
