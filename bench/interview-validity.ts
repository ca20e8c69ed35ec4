// Agreement of the scores with people's ratings of real mock interviews
// (../shared/data/interviews-dev: the MIT Interview Dataset's odd-numbered students, 74 interviews,
// five behavioural questions each). Zero-shot: nothing is fitted to these ratings. Each answer is
// scored against the closest built-in bank question, then the scores are averaged per interview and
// compared with the raters' Overall and RecommendHiring, beside the answer length (word count),
// the baseline a scorer has to beat. Choices may be looked at on the first interviews (pN, before
// coaching); the second interviews (ppN, after coaching) are the report part.
import fs from 'node:fs';
import path from 'node:path';
import { builtinQuestions } from '../src/main/features/bank/builtin-questions';
import type { AnswerEvaluator } from '../src/main/assessment/evaluator';
import type { Scores } from '../src/shared/contract';
import { words } from '../src/main/engines/language/text';
import { scoreInputOf } from '../src/main/testing/bank-input';
import { pearson } from './validity';

interface InterviewAnswer {
  participant: string;
  index: number;
  category: 'self' | 'leadership' | 'team' | 'weakness' | 'hire';
  question: string;
  answer: string;
}

/** The bank question each of the dataset's five questions corresponds to (graduate, entry). */
const BANK_QUESTION: Record<InterviewAnswer['category'], string> = {
  self: 'grad-entry-01',
  hire: 'grad-entry-01',
  leadership: 'grad-entry-04',
  team: 'grad-entry-03',
  weakness: 'grad-entry-05',
};

type Predictor = keyof Scores | 'words';
const PREDICTORS: readonly Predictor[] = [
  'words',
  'overall',
  'content',
  'communication',
  'technical',
  'relevance',
];
type Part = Record<Predictor, { overall: number; recommendHiring: number }> & {
  interviews: number;
};

export interface InterviewValidity {
  readonly data: string;
  readonly engines: string;
  readonly answers: number;
  readonly all: Part;
  /** Before coaching (pN): where choices may be looked at. */
  readonly firstInterviews: Part;
  /** After coaching (ppN): the report part. */
  readonly secondInterviews: Part;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((l): Record<string, string> =>
    Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? `column${i}`, v])),
  );
}

export async function interviewValidity(
  evaluator: AnswerEvaluator,
  dataDir: string,
): Promise<InterviewValidity | { skipped: string }> {
  const answersFile = path.join(dataDir, 'answers.jsonl');
  const ratingsFile = path.join(dataDir, 'ratings.csv');
  if (!fs.existsSync(answersFile) || !fs.existsSync(ratingsFile))
    return { skipped: `no data at ${dataDir}` };
  const answers = fs
    .readFileSync(answersFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as InterviewAnswer);
  const ratings = new Map(
    parseCsv(fs.readFileSync(ratingsFile, 'utf8')).map((r) => [r['participant'], r]),
  );
  const bank = new Map(builtinQuestions().map((q) => [q.id, q]));

  const perInterview = new Map<string, { words: number; scores: Scores[] }>();
  for (const a of answers) {
    const q = bank.get(BANK_QUESTION[a.category]);
    if (!q) throw new Error(`bank question ${BANK_QUESTION[a.category]} is missing`);
    const { scores } = await evaluator.evaluate(scoreInputOf(q, a.answer));
    const entry = perInterview.get(a.participant) ?? { words: 0, scores: [] };
    entry.words += words(a.answer).length;
    entry.scores.push(scores);
    perInterview.set(a.participant, entry);
  }

  const part = (filter: (id: string) => boolean): Part => {
    const ids = [...perInterview.keys()].filter((id) => filter(id) && ratings.has(id));
    const rated = (column: string) => ids.map((id) => Number(ratings.get(id)![column]));
    const predictor = (p: Predictor) =>
      ids.map((id) => {
        const e = perInterview.get(id)!;
        return p === 'words'
          ? e.words
          : e.scores.reduce((sum, s) => sum + s[p], 0) / e.scores.length;
      });
    const r = (x: number[], y: number[]) => Math.round(pearson(x, y) * 1000) / 1000;
    const out = { interviews: ids.length } as Part;
    for (const p of PREDICTORS) {
      const x = predictor(p);
      out[p] = { overall: r(x, rated('Overall')), recommendHiring: r(x, rated('RecommendHiring')) };
    }
    return out;
  };
  return {
    data: path.basename(dataDir),
    engines: evaluator.id,
    answers: answers.length,
    all: part(() => true),
    firstInterviews: part((id) => /^p\d/.test(id)),
    secondInterviews: part((id) => id.startsWith('pp')),
  };
}
