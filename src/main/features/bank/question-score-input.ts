import type { QuestionType } from '../../../shared/contract';
import { parseStringArray } from '../../platform/json';
import { parseKeywordSynonyms } from '../../storage/question-rows';
import type { ScoreInput } from '../../assessment/scorer';

/** The columns of a `questions` row that scoring and follow-up rules read (the repositories
 * select them with QUESTION_SCORING_COLUMNS, storage/repositories/answer-repository.ts). */
export interface QuestionScoringRow {
  readonly content: string;
  readonly ideal_answer: string;
  readonly expected_keywords: string;
  readonly keyword_synonyms: string;
  readonly type: string;
  readonly time_limit_seconds: number;
}

/** What the evaluator and the follow-up rules need to judge `answer` to this stored question. */
export function questionScoreInput(
  q: QuestionScoringRow,
  answer: string,
  overTimeSeconds = 0,
): ScoreInput {
  return {
    question: q.content,
    idealAnswer: q.ideal_answer,
    expectedKeywords: parseStringArray(q.expected_keywords),
    keywordSynonyms: parseKeywordSynonyms(q.keyword_synonyms),
    type: q.type as QuestionType,
    answer,
    timeLimitSeconds: q.time_limit_seconds,
    overTimeSeconds,
  };
}
