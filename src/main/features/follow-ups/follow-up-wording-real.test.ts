// Follow-up wording with the real instruct models (SmolLM2 135M, Gemma 3 270M): what they write
// replaces the bank's wording only when it is one new question; otherwise the bank's stays, with
// the reason. Greedy decoding on one thread makes each case's outcome fixed for a model on a
// given machine; the floors are what was measured here (bench/llm-bench.ts reports the rates).
import { afterEach, describe, expect, it } from 'vitest';
import { LlmRuntime } from '../../engines/llm/llm-runtime';
import { FOLLOW_UP_CASES, realLlms, REAL_MODEL_TIMEOUT_MS } from '../../testing/llm-cases';
import { realModelPath, skipWithoutRealModel } from '../../testing/real-models';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { phraseFollowUp } from './phrase-follow-up';

/**
 * Accepted wordings out of the 3 cases, as measured. The others copy the question they follow
 * (with words added) or echo template slots, and are refused.
 */
const FLOORS: Readonly<Record<string, number>> = {
  'smollm2-135m-instruct-q4_1': 1,
  'gemma-3-270m-q4_k_m': 1,
};

const REASONS =
  /JSON|schema|empty or too short|longer than|markup|instructions|repeated|time budget|stopped/;

let app: TestApp | null = null;
let runtime: LlmRuntime | null = null;
afterEach(async () => {
  await app?.close();
  await runtime?.dispose();
  app = runtime = null;
});

for (const model of realLlms()) {
  describe.skipIf(skipWithoutRealModel(model))(`follow-up wording with ${model.id}`, () => {
    it(
      'accepts only one new question ending in "?", never the answer\'s instructions',
      async () => {
        runtime = new LlmRuntime({ modelPath: realModelPath(model) });
        let accepted = 0;
        for (const c of FOLLOW_UP_CASES) {
          const out = await phraseFollowUp(runtime, c, { timeoutMs: 60_000 });
          console.info(`${model.id} follow-up:`, JSON.stringify(out));
          if (!out.ok) {
            expect(out.reason).toMatch(REASONS);
            continue;
          }
          accepted++;
          const q = out.value.question;
          expect(q).toMatch(/\?$/);
          expect(q.length).toBeLessThanOrEqual(300);
          expect(q.toLowerCase()).not.toContain(c.question.toLowerCase().replace(/[?.]$/, ''));
          expect(q).not.toMatch(/ignore previous instructions|<[a-z/]/i);
          expect(out.value.engine).toBe(`llm:${runtime.modelId}+follow-up.v2`);
        }
        expect(accepted).toBeGreaterThanOrEqual(FLOORS[model.id]!);
      },
      REAL_MODEL_TIMEOUT_MS,
    );

    it(
      'in an interview: the bank wording is asked at once; the LLM replaces it only when it passes, else the reason is kept',
      async () => {
        const t = (app = await createTestApp({ llm: { modelPath: realModelPath(model) } }));
        const profile = await t.call('profiles.create', {
          name: 'Ana',
          skills: [],
          level: 'entry',
        });
        const created = await t.call('interviews.create', {
          profileId: profile.id,
          roleId: 'software-engineer',
          level: 'entry',
          questionIds: ['swe-entry-01', 'swe-entry-02'],
          maxFollowUps: 1,
        });
        const ref = { profileId: profile.id, sessionId: created.id };
        await t.call('interviews.start', ref);
        const { session } = await t.call('interviews.answer', {
          ...ref,
          questionId: 'swe-entry-01',
          text: FOLLOW_UP_CASES[0]!.answer,
        });
        const bankWording = session.currentQuestion!.content;
        expect(session.currentQuestion?.followUp?.engine).toBe('bank-rules@1');
        await t.jobs.whenIdle();
        const row = await t.database.db
          .selectFrom('follow_up_questions')
          .selectAll()
          .executeTakeFirstOrThrow();
        const shown = (await t.call('interviews.get', ref)).currentQuestion!;
        expect(row.bank_content).toBe(bankWording);
        expect(shown.content).toBe(row.content);
        if (row.engine.startsWith('llm:')) {
          expect(row.engine).toMatch(/\+follow-up\.v2$/);
          expect(row.fallback_reason).toBeNull();
          expect(row.content).toMatch(/\?$/);
          expect(row.content).not.toBe(bankWording);
        } else {
          expect(row.engine).toBe('bank-rules@1');
          expect(row.content).toBe(bankWording);
          expect(row.fallback_reason).toMatch(REASONS);
        }
        console.info(`${model.id} in the interview:`, row.engine, row.content, row.fallback_reason);
      },
      REAL_MODEL_TIMEOUT_MS,
    );
  });
}
