// Similar questions through the persisted hnswlib index, with the real all-MiniLM-L6-v2: a bank
// question asked again in other words finds the original among all the bank's questions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinQuestions } from './builtin-questions';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { realModel, realModelPath, skipWithoutRealModel } from '../../testing/real-models';

/**
 * Bank question id → the same question in words it mostly does not use. (Behavioural questions
 * are left out: the bank has dozens of "Tell me about a time…" questions that MiniLM puts close
 * together, and a loose rewording of one does not reliably rank its original first.)
 */
const REWORDED: Record<string, string> = {
  'swe-entry-03':
    'Compare keeping items in one contiguous block of memory with chaining nodes together by pointers: when is each the better choice?',
  'swe-entry-04':
    'JavaScript has only one thread, so how do deferred callbacks and fulfilled promises get run?',
  'swe-entry-06':
    'A feature you wrote has no automated tests and it ships tomorrow. What do you do?',
};

const model = realModel('all-minilm-l6-v2-q');
describe.skipIf(skipWithoutRealModel(model))('bank.similar with the real all-MiniLM-L6-v2', () => {
  let app: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-similar-real-'));
    app = await createTestApp({
      engines: { embeddingModelDir: realModelPath(model), grammar: false, linguistics: false },
      dataDir,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the original of a reworded bank question first, among every question in the bank', async () => {
    const bank = builtinQuestions();
    for (const [id, content] of Object.entries(REWORDED)) {
      const original = bank.find((q) => q.id === id)!;
      const saved = await app.call('bank.saveQuestion', {
        question: {
          roleId: original.roleId,
          level: original.level,
          type: original.type,
          content,
          idealAnswer: original.idealAnswer,
          keywords: original.keywords,
          rubric: original.rubric,
          followUps: original.followUps.map((f) => ({ question: f.question, when: f.when })),
          skills: original.skills,
          difficulty: original.difficulty,
          timeLimitSeconds: original.timeLimitSeconds,
        },
      });
      const similar = await app.call('bank.similar', { questionId: saved.id, limit: 3 });
      expect(similar.engine).toMatch(/^all-minilm-l6-v2-q@/);
      expect(similar.items[0]?.question.id, content).toBe(id);
      expect(similar.items[0]!.similarity).toBeGreaterThan(similar.items[1]!.similarity);
    }
  }, 60_000);
});
