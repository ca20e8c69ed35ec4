import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/contract';
import { AppError } from '../../platform/errors';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { sharedModelPath } from '../../testing/models';

let app: TestApp | undefined;
const scratch: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function firstQuestion(t: TestApp, roleId = 'software-engineer') {
  const questions = await t.call('bank.questions', { roleId });
  return questions[0]!;
}

/** Saves a custom question that restates `question` with `extra` words at the end. */
async function saveRestated(t: TestApp, question: Question, extra: string) {
  return t.call('bank.saveQuestion', {
    question: {
      roleId: question.roleId,
      level: question.level,
      type: question.type,
      content: `${question.content} ${extra}`,
      idealAnswer: question.idealAnswer,
      keywords: question.keywords,
      rubric: question.rubric,
      followUps: question.followUps.map((f) => ({ question: f.question, when: f.when })),
      skills: question.skills,
      difficulty: question.difficulty,
      timeLimitSeconds: question.timeLimitSeconds,
    },
  });
}

describe('bank.similar', () => {
  it('ranks questions by wording when no embedding model is installed', async () => {
    app = await createTestApp();
    const question = await firstQuestion(app);
    const result = await app.call('bank.similar', { questionId: question.id, limit: 5 });
    expect(result.engine).toBe('lexical');
    expect(result.items).toHaveLength(5);
    expect(result.items.map((i) => i.question.id)).not.toContain(question.id);
    const scores = result.items.map((i) => i.similarity);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0);

    const error = await app
      .call('bank.similar', { questionId: 'no-such-question', limit: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });

  it('uses a persisted embedding index that follows edits and survives a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-similar-'));
    scratch.push(dataDir);
    const engines = {
      embeddingModelDir: sharedModelPath('glove-wordpiece-onnx'),
      grammar: false,
      linguistics: false,
    };
    app = await createTestApp({ engines, dataDir });
    const question = await firstQuestion(app);
    const before = await app.call('bank.similar', { questionId: question.id, limit: 3 });
    expect(before.engine).toMatch(/^glove-wordpiece-onnx@/);
    expect(before.items).toHaveLength(3);
    expect(fs.existsSync(path.join(dataDir, 'indexes', 'questions.hnsw'))).toBe(true);

    // A new custom question that restates this one becomes its nearest neighbour.
    const saved = await saveRestated(app, question, 'Please be specific.');
    const after = await app.call('bank.similar', { questionId: question.id, limit: 3 });
    expect(after.items[0]!.question.id).toBe(saved.id);
    expect(after.items[0]!.similarity).toBeGreaterThan(0.9);
    await app.close();

    // Restarted on the same index folder with a fresh in-memory bank (the custom question is
    // gone): the saved index drops the question it no longer has and answers as before.
    app = await createTestApp({ engines, dataDir });
    const again = await app.call('bank.similar', { questionId: question.id, limit: 3 });
    expect(again.items.map((i) => i.question.id)).toEqual(before.items.map((i) => i.question.id));
  }, 60_000);

  it("finds this person's earlier answer to a close question, not someone else's", async () => {
    app = await createTestApp();
    const t = app;
    const question = await firstQuestion(t);
    const close = await saveRestated(t, question, 'Give one example.');
    const answerOnce = async (profileId: string, questionId: string) => {
      const created = await t.call('interviews.create', {
        profileId,
        roleId: question.roleId,
        level: question.level,
        questionCount: 1,
        questionIds: [questionId],
      });
      const ref = { profileId, sessionId: created.id };
      await t.call('interviews.start', ref);
      t.clock.advance(60);
      await t.call('interviews.answer', { ...ref, questionId, text: question.idealAnswer });
      await t.call('interviews.end', ref);
      await t.jobs.whenIdle();
      return created.id;
    };
    const ana = (await t.call('profiles.create', { name: 'Ana' })).id;
    const ben = (await t.call('profiles.create', { name: 'Ben' })).id;
    const anasSession = await answerOnce(ana, question.id);
    await answerOnce(ben, question.id);
    const anasNow = await answerOnce(ana, close.id);

    const found = await t.call('bank.answeredSimilar', {
      profileId: ana,
      questionId: close.id,
      excludeSessionId: anasNow,
      limit: 2,
    });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      questionId: question.id,
      question: question.content,
      sessionId: anasSession,
    });
    expect(found.items[0]!.overall).toBeGreaterThan(0);
    // Ben never answered the close question's neighbour in a session of his own before it.
    const bens = await t.call('bank.answeredSimilar', {
      profileId: ben,
      questionId: question.id,
      limit: 2,
    });
    expect(bens.items).toEqual([]);
  });
});
