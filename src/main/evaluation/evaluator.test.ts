import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedModelPath } from '../testing/models';
import { createEvaluatorProvider, type EvaluatorProvider } from './engines';
import type { AnswerEvaluator } from './evaluator';

const question = {
  question: 'How would you speed up a slow database query?',
  idealAnswer:
    'I would read the query plan, add an index on the filtered columns, avoid fetching unused columns and measure the latency again.',
  expectedKeywords: ['query plan', 'index', 'latency'],
  type: 'technical' as const,
  timeLimitSeconds: 120,
  overTimeSeconds: 0,
};
const bank = async () => [
  { roleId: 'a', idealAnswer: 'I reconcile the bank statement with the ledger every month.' },
  { roleId: 'b', idealAnswer: 'I plan lessons around what the class already knows.' },
  { roleId: 'c', idealAnswer: 'I triage patients by how urgent their needs are.' },
];

let full: EvaluatorProvider;
let all: AnswerEvaluator;
let lexical: AnswerEvaluator;
beforeAll(async () => {
  full = createEvaluatorProvider(
    {
      embeddingModelDir: sharedModelPath('glove-wordpiece-onnx'),
      grammar: true,
      linguistics: true,
    },
    bank,
  );
  all = await full.get();
  lexical = await createEvaluatorProvider(
    { embeddingModelDir: null, grammar: false, linguistics: false },
    bank,
  ).get();
}, 60_000);
afterAll(() => full.dispose());

describe('layered evaluation', () => {
  it('records every engine that produced the score', async () => {
    expect(full.problems()).toEqual([]);
    const result = await all.evaluate({ ...question, answer: question.idealAnswer });
    expect(result.engines).toMatchObject({
      lexical: 'lexical@2',
      embedding: expect.stringMatching(/^glove-wordpiece-onnx@/),
      grammar: 'harper.js@2.10.0',
    });
    expect(all.id).toContain('+harper.js@2.10.0');
    expect(result.semanticSimilarity).toBeGreaterThan(0.95);
    expect(result.scores.content).toBeGreaterThanOrEqual(80);
    expect(result.confidence).toBeGreaterThan(
      (await lexical.evaluate({ ...question, answer: question.idealAnswer })).confidence,
    );
  });

  it('credits a paraphrase that shares few words with the ideal answer more than the lexical engine alone', async () => {
    const paraphrase =
      'First I would look at how the database executes the statement, then create an index on the columns in the where clause, and time it again.';
    const withEngines = await all.evaluate({ ...question, answer: paraphrase });
    const lexicalOnly = await lexical.evaluate({ ...question, answer: paraphrase });
    expect(withEngines.semanticSimilarity).not.toBeNull();
    expect(withEngines.scores.relevance).toBeGreaterThan(lexicalOnly.scores.relevance);
    const offTopic = await all.evaluate({
      ...question,
      answer: 'My favourite holiday was a week of hiking in the mountains with friends.',
    });
    expect(offTopic.scores.relevance).toBeLessThan(withEngines.scores.relevance);
    // Word by word: the paraphrase covers "index" and "columns" literally and more in meaning.
    expect(withEngines.idealWordsCovered).toEqual(expect.arrayContaining(['index', 'columns']));
    expect(withEngines.semanticCoverage!).toBeGreaterThan(offTopic.semanticCoverage!);
    expect(offTopic.semanticCoverage!).toBeLessThan(0.25);
    expect(lexicalOnly.semanticCoverage).toBeNull();
  });

  it('matches key points by lemma and reports grammar issues with offsets', async () => {
    const answer =
      'I indexed the table and recieved much lower latencies after checking the plans of the queries.';
    const result = await all.evaluate({ ...question, answer });
    expect(result.details.keywordsFound).toEqual(expect.arrayContaining(['index', 'latency']));
    const spelling = result.grammarIssues?.find((g) => g.kind === 'Spelling');
    expect(spelling && answer.slice(spelling.start, spelling.end)).toBe('recieved');
    expect(typeof result.sentiment).toBe('number');
  });

  it('falls back to the engines that load, and says why one did not', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-broken-model-'));
    const provider = createEvaluatorProvider(
      { embeddingModelDir: broken, grammar: false, linguistics: false },
      bank,
    );
    const evaluator = await provider.get();
    expect(evaluator.id).toBe('lexical@2');
    expect(provider.problems()[0]).toMatch(
      /^embedding model: The embedding model at .* cannot be used/,
    );
    expect(
      (await evaluator.evaluate({ ...question, answer: question.idealAnswer })).scores.content,
    ).toBeGreaterThan(50);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
