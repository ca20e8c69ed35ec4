// Agreement of the content score with the intended grades of bench/data/behavioural-answers.json:
// 48 answers to eight behavioural, situational and motivation questions of the bank, written to
// span weak → strong without sight of the scorer (see the file's "about").
import fs from 'node:fs';
import path from 'node:path';
import { builtinQuestions } from '../src/main/features/bank/builtin-questions';
import type { AnswerEvaluator } from '../src/main/assessment/evaluator';
import type { Scores } from '../src/shared/contract';
import { words } from '../src/main/engines/language/text';
import { scoreInputOf } from '../src/main/testing/bank-input';
import { pearson, ranks } from './validity';

export const BEHAVIOURAL_ANSWERS = path.resolve(
  import.meta.dirname,
  'data/behavioural-answers.json',
);

interface GradedAnswer {
  questionId: string;
  answer: string;
  grade: number;
}

export interface BehaviouralValidity {
  readonly answers: number;
  readonly engines: string;
  /** Spearman of each score (and of the word count, the baseline) with the intended grades. */
  readonly spearman: Record<keyof Scores | 'words', number>;
  /** Spearman of content within each question, averaged: the order among answers to one question. */
  readonly contentSpearmanWithinQuestion: number;
}

const spearman = (x: number[], y: number[]) =>
  Math.round(pearson(ranks(x), ranks(y)) * 1000) / 1000;

export async function behaviouralValidity(
  evaluator: AnswerEvaluator,
  file = BEHAVIOURAL_ANSWERS,
): Promise<BehaviouralValidity> {
  const rows = (JSON.parse(fs.readFileSync(file, 'utf8')) as { answers: GradedAnswer[] }).answers;
  const bank = new Map(builtinQuestions().map((q) => [q.id, q]));
  const scored: { grade: number; questionId: string; words: number; scores: Scores }[] = [];
  for (const row of rows) {
    const q = bank.get(row.questionId);
    if (!q) throw new Error(`bank question ${row.questionId} is missing`);
    const { scores } = await evaluator.evaluate(scoreInputOf(q, row.answer));
    scored.push({
      grade: row.grade,
      questionId: row.questionId,
      words: words(row.answer).length,
      scores,
    });
  }
  const grades = scored.map((s) => s.grade);
  const of = (key: keyof Scores) =>
    spearman(
      scored.map((s) => s.scores[key]),
      grades,
    );
  const questions = [...new Set(scored.map((s) => s.questionId))];
  const within = questions.map((id) => {
    const mine = scored.filter((s) => s.questionId === id);
    return pearson(ranks(mine.map((s) => s.scores.content)), ranks(mine.map((s) => s.grade)));
  });
  return {
    answers: scored.length,
    engines: evaluator.id,
    spearman: {
      words: spearman(
        scored.map((s) => s.words),
        grades,
      ),
      overall: of('overall'),
      content: of('content'),
      communication: of('communication'),
      technical: of('technical'),
      relevance: of('relevance'),
    },
    contentSpearmanWithinQuestion:
      Math.round((within.reduce((a, b) => a + b, 0) / within.length) * 1000) / 1000,
  };
}
