// The default engines (rules grammar, tagging, WordNet) with the real all-MiniLM-L6-v2, the model
// the app installs: answers of known quality must score in that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinQuestions } from '../features/bank/builtin-questions';
import { realModel, realModelPath, skipWithoutRealModel } from '../testing/real-models';
import { createEvaluatorProvider, type EvaluatorProvider } from './evaluator-provider';
import type { AnswerEvaluator, Evaluation } from './evaluator';

const bank = async () =>
  builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer }));

/** Each question with answers from worst to best: off-topic, one point of several, all of it
 * in other words. */
const CASES = [
  {
    question: 'How would you speed up a slow database query?',
    idealAnswer:
      'I would read the query plan, add an index on the filtered columns, avoid fetching unused columns and measure the latency again.',
    expectedKeywords: ['query plan', 'index', 'latency'],
    type: 'technical' as const,
    unrelated: 'My favourite holiday was a week of hiking in the mountains with friends.',
    partial: 'I would add an index to the table.',
    paraphrase:
      'I would study the plan of the slow statement, put indexes on the filter columns, stop fetching columns nobody uses, and measure latencies afterwards.',
  },
  {
    question: 'What is the difference between a process and a thread?',
    idealAnswer:
      'A process is a running program with its own memory space, while a thread is a unit of execution inside a process. Threads of the same process share its memory, so they are cheaper to create and switch between, but they need locks to avoid race conditions; processes are isolated from each other, so one crashing does not bring down the others.',
    expectedKeywords: ['memory', 'share', 'locks', 'isolated'],
    type: 'technical' as const,
    unrelated: 'I enjoy baking bread at the weekend and giving it to my neighbours.',
    partial: 'Threads live inside a process and use its memory.',
    paraphrase:
      'A process is an executing program that owns a separate address space; a thread is a path of execution within a process. Threads in one process use the same memory, which makes them lighter to start and switch, though shared data must be guarded against races. Processes are walled off from one another, so if one fails the rest keep running.',
  },
  {
    question: 'What do you do when you realise you will miss a deadline?',
    idealAnswer:
      'I tell my manager and the people who depend on the work as soon as I see the risk, explain why it is late and what is left, and propose a new date or a smaller scope. Afterwards I look at what caused the delay so that my next estimates are better.',
    expectedKeywords: ['manager', 'early', 'new date', 'scope'],
    type: 'situational' as const,
    unrelated: 'The Eiffel Tower was built for the 1889 World Fair in Paris.',
    partial: 'I would let my manager know that the work is going to be late.',
    paraphrase:
      'As soon as I notice the risk I warn my boss and anyone waiting on my work, say what slowed it down and what remains, and offer either a later date or a reduced scope. Then I review what went wrong so I can estimate more accurately next time.',
  },
];

const model = realModel('all-minilm-l6-v2-q');
describe.skipIf(skipWithoutRealModel(model))(
  'the default engines with the real all-MiniLM-L6-v2',
  () => {
    let provider: EvaluatorProvider;
    let evaluator: AnswerEvaluator;
    beforeAll(async () => {
      provider = createEvaluatorProvider(
        { embeddingModelDir: realModelPath(model), grammar: true, linguistics: true },
        bank,
      );
      evaluator = await provider.get();
    }, 60_000);
    afterAll(() => provider.dispose());

    const score = (c: (typeof CASES)[number], answer: string): Promise<Evaluation> =>
      evaluator.evaluate({ ...c, answer, timeLimitSeconds: 120, overTimeSeconds: 0 });

    it('loads with its calibration and records the model', async () => {
      expect(provider.problems()).toEqual([]);
      expect(evaluator.id).toMatch(/^lexical@3\+all-minilm-l6-v2-q@[0-9a-f]{12}\+rules-grammar@1/);
    });

    it('scores unrelated < one point < the whole answer in other words, in content and meaning', async () => {
      for (const c of CASES) {
        const curve = await Promise.all(
          [c.unrelated, c.partial, c.paraphrase].map((a) => score(c, a)),
        );
        const [unrelated, , paraphrase] = curve as [Evaluation, Evaluation, Evaluation];
        const content = curve.map((r) => r.scores.content);
        const coverage = curve.map((r) => r.semanticCoverage!);
        expect(content[1]! - content[0]!, `${c.question}: ${content.join(' < ')}`).toBeGreaterThan(
          10,
        );
        expect(content[2]! - content[1]!, `${c.question}: ${content.join(' < ')}`).toBeGreaterThan(
          10,
        );
        expect(coverage[1]!, `${c.question}: ${coverage.join(' < ')}`).toBeGreaterThan(
          coverage[0]!,
        );
        expect(coverage[2]!, `${c.question}: ${coverage.join(' < ')}`).toBeGreaterThan(
          coverage[1]!,
        );
        // The sentence vectors agree with the word-by-word measure.
        expect(paraphrase.semanticSimilarity!).toBeGreaterThan(unrelated.semanticSimilarity! + 0.4);
      }
    }, 60_000);

    it('gives a good answer in other words high marks and an off-topic one almost none', async () => {
      for (const c of CASES) {
        const good = await score(c, c.paraphrase);
        const bad = await score(c, c.unrelated);
        expect(good.scores.content, c.question).toBeGreaterThanOrEqual(60);
        expect(good.semanticCoverage!, c.question).toBeGreaterThan(0.6);
        expect(bad.scores.content, c.question).toBeLessThanOrEqual(10);
        expect(bad.semanticCoverage, c.question).toBe(0);
        expect(bad.idealWordsCovered, c.question).toEqual([]);
      }
      const [db] = CASES;
      const good = await score(db!, db!.paraphrase);
      expect(good.idealWordsCovered).toEqual(
        expect.arrayContaining(['plan', 'index', 'columns', 'latency']),
      );
      const none = await score(db!, "Sorry, I don't know.");
      expect(none.scores.content).toBe(0);
      expect(none.semanticCoverage).toBeNull();
    }, 60_000);
  },
);
