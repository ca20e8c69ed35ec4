// Agreement of the scorer with human grades on ../shared/data/asag-dev (Mohler et al. 2011,
// assignments 1–6). Zero-shot: nothing here is fitted to these grades.
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerEvaluator } from '../src/main/assessment/evaluator';

interface AsagRow {
  id: string;
  question: string;
  ideal_answer: string;
  answer: string;
  human_avg: number;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Average ranks (ties share their mean rank), for Spearman's rho. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

/** "1.1#0" → "1.1": rows are answers, ids name the question before the '#'. */
function questionOf(row: AsagRow): string {
  return row.id.split('#')[0] ?? row.id;
}

type Figures = { pearson: number; spearman: number };
/** Agreement of each score with the human average. */
type Agreement = Record<'content' | 'relevance' | 'overall', Figures>;

export interface AsagValidity extends Agreement {
  readonly data: string;
  readonly answers: number;
  readonly engines: string;
  readonly tuningHalf: Agreement & { questions: number };
  readonly reportHalf: Agreement & { questions: number };
}

export async function asagValidity(
  evaluator: AnswerEvaluator,
  dataFile: string,
): Promise<AsagValidity | { skipped: string }> {
  if (!fs.existsSync(dataFile)) return { skipped: `no data at ${dataFile}` };
  const rows = fs
    .readFileSync(dataFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AsagRow);
  const human = rows.map((r) => r.human_avg);
  const scored: { content: number; relevance: number; overall: number }[] = [];
  for (const r of rows) {
    const { scores } = await evaluator.evaluate({
      question: r.question,
      idealAnswer: r.ideal_answer,
      expectedKeywords: [],
      type: 'technical',
      answer: r.answer,
      timeLimitSeconds: 120,
      overTimeSeconds: 0,
    });
    scored.push(scores);
  }
  const agreement = (indices: number[]): Agreement => {
    const h = indices.map((i) => human[i]!);
    const figures = (key: keyof Agreement): Figures => {
      const s = indices.map((i) => scored[i]![key]);
      return {
        pearson: Math.round(pearson(s, h) * 1000) / 1000,
        spearman: Math.round(pearson(ranks(s), ranks(h)) * 1000) / 1000,
      };
    };
    return {
      content: figures('content'),
      relevance: figures('relevance'),
      overall: figures('overall'),
    };
  };
  // Design choices were compared on the tuning half only (every other question in file order);
  // the report half was not looked at while choosing, so it is the fairer figure.
  const questions = [...new Set(rows.map(questionOf))];
  const tuning = new Set(questions.filter((_, i) => i % 2 === 0));
  const half = (inTuning: boolean) =>
    rows.flatMap((r, i) => (tuning.has(questionOf(r)) === inTuning ? [i] : []));
  return {
    data: path.basename(path.dirname(dataFile)),
    answers: rows.length,
    engines: evaluator.id,
    ...agreement(rows.map((_, i) => i)),
    tuningHalf: { questions: tuning.size, ...agreement(half(true)) },
    reportHalf: { questions: questions.length - tuning.size, ...agreement(half(false)) },
  };
}
