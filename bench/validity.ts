// Agreement of the scorer with human grades on ../shared/data/asag-dev (Mohler et al. 2011,
// assignments 1–6). Zero-shot: nothing here is fitted to these grades.
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerEvaluator } from '../src/main/evaluation/evaluator';

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

export async function asagValidity(evaluator: AnswerEvaluator, dataFile: string) {
  if (!fs.existsSync(dataFile)) return { skipped: `no data at ${dataFile}` };
  const rows = fs
    .readFileSync(dataFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as AsagRow);
  const human = rows.map((r) => r.human_avg);
  const result: Record<string, { pearson: number; spearman: number }> = {};
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
  for (const key of ['content', 'relevance', 'overall'] as const) {
    const s = scored.map((x) => x[key]);
    result[key] = {
      pearson: Math.round(pearson(s, human) * 1000) / 1000,
      spearman: Math.round(pearson(ranks(s), ranks(human)) * 1000) / 1000,
    };
  }
  return {
    data: path.basename(path.dirname(dataFile)),
    answers: rows.length,
    engines: evaluator.id,
    ...result,
  };
}
