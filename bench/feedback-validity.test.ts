import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestions } from '../src/main/features/bank/builtin-questions';
import {
  createEvaluatorProvider,
  type EngineOptions,
} from '../src/main/assessment/evaluator-provider';
import { sharedModelPath } from '../src/main/testing/models';
import { realModel, realModelPath, skipWithoutRealModel } from '../src/main/testing/real-models';
import { behaviouralValidity } from './behavioural-validity';
import { interviewValidity } from './interview-validity';

const INTERVIEWS = path.resolve(import.meta.dirname, '../../shared/data/interviews-dev');
const bank = async () =>
  builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer }));

async function figures(options: EngineOptions) {
  const provider = createEvaluatorProvider(options, bank);
  try {
    const evaluator = await provider.get();
    const interviews = await interviewValidity(evaluator, INTERVIEWS);
    if ('skipped' in interviews) throw new Error(`no interviews-dev data: ${interviews.skipped}`);
    return { behavioural: await behaviouralValidity(evaluator), interviews };
  } finally {
    await provider.dispose();
  }
}

// Guards against scoring changes that lose agreement with people on behavioural, situational and
// motivation answers. Floors sit just under today's figures (`npm run bench` prints them):
// the intended grades of bench/data/behavioural-answers.json, and the raters of real mock
// interviews (interviews-dev), where the overall score must beat the answers' length.
function expectAgreement(result: Awaited<ReturnType<typeof figures>>) {
  expect(result.behavioural.answers).toBe(48);
  expect(result.behavioural.spearman.content).toBeGreaterThanOrEqual(0.68);
  expect(result.behavioural.spearman.content).toBeGreaterThan(
    result.behavioural.spearman.words + 0.15,
  );
  for (const part of [result.interviews.firstInterviews, result.interviews.secondInterviews]) {
    expect(part.interviews).toBe(37);
    expect(part.overall.overall).toBeGreaterThanOrEqual(part.words.overall + 0.1);
  }
}

describe('agreement with people on behavioural and motivation answers', () => {
  it('with no engine but the lexical one', async () => {
    expectAgreement(await figures({ embeddingModelDir: null, grammar: false, linguistics: false }));
  }, 60_000);

  it('with the default engines and the GloVe test model', async () => {
    expectAgreement(
      await figures({
        embeddingModelDir: sharedModelPath('glove-wordpiece-onnx'),
        grammar: true,
        linguistics: true,
      }),
    );
  }, 60_000);

  const minilm = realModel('all-minilm-l6-v2-q');
  it.skipIf(skipWithoutRealModel(minilm))(
    'with the default engines and all-MiniLM-L6-v2',
    async () => {
      expectAgreement(
        await figures({
          embeddingModelDir: realModelPath(minilm),
          grammar: true,
          linguistics: true,
        }),
      );
    },
    120_000,
  );
});
