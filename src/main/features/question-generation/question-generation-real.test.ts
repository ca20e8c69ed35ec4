// Question generation with the real instruct models (SmolLM2 135M, Gemma 3 270M) under the JSON
// schema grammar. Whatever the model writes, the person gets a valid question: the model's when
// it passes every check, else the bank's with the reason. How often the model's passes is a
// floor measured here on the same requests (greedy decoding on one thread: each request's outcome
// is fixed for a model on a given machine); bench/llm-bench.ts reports the rates over more tries.
// Gemma 3 270M as packaged is the base model, not the instruct one (its GGUF has no chat template
// and it echoes prompts): its one try is there to show the bank still answers, with the reason.
import { afterEach, describe, expect, it } from 'vitest';
import { questionTypes } from '../../../shared/contract';
import { LlmRuntime } from '../../engines/llm/llm-runtime';
import { QUESTION_REQUESTS, realLlms, REAL_MODEL_TIMEOUT_MS } from '../../testing/llm-cases';
import { realModelPath, skipWithoutRealModel } from '../../testing/real-models';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { generateQuestion, QUESTION_JSON_SCHEMA } from './question-generator';

/** Tries per model (a question is 15–90 s on two busy cores) and how many were the model's. */
const PLAN: Readonly<Record<string, { tries: number; floor: number }>> = {
  'smollm2-135m-instruct-q4_1': { tries: 3, floor: 1 },
  'gemma-3-270m-q4_k_m': { tries: 1, floor: 0 },
};

const limits = QUESTION_JSON_SCHEMA.properties;

let app: TestApp | null = null;
let runtime: LlmRuntime | null = null;
afterEach(async () => {
  await app?.close();
  await runtime?.dispose();
  app = runtime = null;
});

for (const model of realLlms()) {
  describe.skipIf(skipWithoutRealModel(model))(`question generation with ${model.id}`, () => {
    it(
      "returns a valid question every time: the model's when it passes the checks, else the bank's with the reason",
      async () => {
        const { tries, floor } = PLAN[model.id]!;
        const t = (app = await createTestApp());
        runtime = new LlmRuntime({ modelPath: realModelPath(model) });
        const bank = new Set(
          (await t.context.db.selectFrom('questions').select('id').execute()).map((q) => q.id),
        );
        let fromModel = 0;
        for (const request of QUESTION_REQUESTS.slice(0, tries)) {
          const q = await generateQuestion(t.context.repos.bank, runtime, request, {
            timeoutMs: 120_000,
          });
          console.info(`${model.id} question:`, JSON.stringify(q));
          expect(questionTypes).toContain(q.type);
          expect(q.question.length).toBeGreaterThanOrEqual(limits.question.minLength);
          expect(q.expected_keywords.length).toBeGreaterThanOrEqual(2);
          expect(request.history).not.toContain(q.question);
          if (q.engine === 'llm') {
            fromModel++;
            expect(q.source).toBe(`llm:${runtime.modelId}+question.v2`);
            expect(q.fallback_reason).toBeNull();
            expect(q.question.length).toBeLessThanOrEqual(limits.question.maxLength);
            expect(q.ideal_answer.length).toBeLessThanOrEqual(limits.ideal_answer.maxLength);
            expect(new Set(q.expected_keywords).size).toBe(q.expected_keywords.length);
            for (const text of [q.question, q.ideal_answer, ...Object.values(q.rubric)])
              expect(text).not.toMatch(/<[a-z/]|ignore previous instructions/i);
          } else {
            expect(bank.has(q.source)).toBe(true);
            expect(q.fallback_reason).toMatch(
              /JSON|schema|too short|longer than|markup|repeated|key term|no word|time budget|duplicate|already|asked/,
            );
          }
        }
        expect(fromModel).toBeGreaterThanOrEqual(floor);
      },
      REAL_MODEL_TIMEOUT_MS,
    );
  });
}
