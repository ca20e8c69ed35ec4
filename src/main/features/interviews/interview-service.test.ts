import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../../shared/contract';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { withSynonym } from '../../testing/with-synonym';
import { words } from '../../engines/language/text';

let app: TestApp;
let profileId: string;
beforeEach(async () => {
  app = await createTestApp();
  profileId = (
    await app.call('profiles.create', {
      name: 'Ana',
      targetRoleId: 'software-engineer',
      level: 'entry',
    })
  ).id;
});
afterEach(() => app.close());

/** A one-question interview answered with `text`, ended, scored, and its results. */
async function scoredSingleAnswer(text: string) {
  const state = await startSession(1);
  const ref = { profileId, sessionId: state.id };
  await app.call('interviews.answer', { ...ref, questionId: state.currentQuestion!.id, text });
  await app.call('interviews.end', ref);
  await app.jobs.whenIdle();
  return app.call('results.session', ref);
}

async function startSession(count = 3) {
  const created = await app.call('interviews.create', {
    profileId,
    roleId: 'software-engineer',
    level: 'entry',
    questionCount: count,
    seed: 7,
  });
  expect(created.status).toBe('pending');
  expect(created.currentQuestion).toBeNull();
  return app.call('interviews.start', { profileId, sessionId: created.id });
}

const goodAnswer =
  'In my last internship our API was slow, so my task was to find out why. I profiled the queries, ' +
  'added an index on the user id column and rewrote the pagination. As a result the p95 latency dropped ' +
  'from 900 ms to 120 ms and the team adopted the same approach for two other endpoints.';

describe('interview state machine', () => {
  it('runs create → start → answer → end and scores every answer', async () => {
    let state = await startSession(3);
    expect(state.status).toBe('active');
    expect(state.currentQuestion?.position).toBe(0);
    const asked: string[] = [];
    while (state.currentQuestion) {
      asked.push(state.currentQuestion.id);
      app.clock.advance(30);
      const reply = await app.call('interviews.answer', {
        profileId,
        sessionId: state.id,
        questionId: state.currentQuestion.id,
        text: goodAnswer,
      });
      expect(reply.jobId).not.toBe('');
      state = reply.session;
    }
    expect(new Set(asked).size).toBe(3);
    expect(state.answeredCount).toBe(3);
    const ended = await app.call('interviews.end', { profileId, sessionId: state.id });
    expect(ended.status).toBe('completed');
    await app.jobs.whenIdle();

    const results = await app.call('results.session', { profileId, sessionId: state.id });
    expect(results.pendingCount).toBe(0);
    expect(results.answers.map((a) => a.status)).toEqual(['scored', 'scored', 'scored']);
    expect(results.answers[0]?.durationSeconds).toBe(30);
    expect(results.scores?.overall).toBeGreaterThan(0);
    const row = await app.context.db
      .selectFrom('interview_sessions')
      .select('overall_score')
      .where('id', '=', state.id)
      .executeTakeFirstOrThrow();
    expect(row.overall_score).toBe(results.scores?.overall);
    const feedback = await app.context.db
      .selectFrom('feedback')
      .select(['engine', 'strengths'])
      .execute();
    expect(feedback).toHaveLength(3);
    expect(feedback[0]?.engine).toBe('lexical@3');
  });

  it('gives the same questions for the same seed, opening and closing with motivation', async () => {
    const a = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 6,
      seed: 42,
    });
    // Another profile with no history: this one's first session now counts as "recently asked".
    const other = await app.call('profiles.create', {
      name: 'Other',
      targetRoleId: 'software-engineer',
    });
    const b = await app.call('interviews.create', {
      profileId: other.id,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 6,
      seed: 42,
    });
    const plan = async (id: string) =>
      await app.context.db
        .selectFrom('session_questions as sq')
        .innerJoin('questions as q', 'q.id', 'sq.question_id')
        .select(['q.id', 'q.type'])
        .where('sq.session_id', '=', id)
        .orderBy('sq.position')
        .execute();
    const planA = await plan(a.id);
    expect(planA).toEqual(await plan(b.id));
    // The same person's next interview avoids what they were just asked.
    const c = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 6,
      seed: 42,
    });
    const planC = await plan(c.id);
    expect(planC.filter((q) => planA.some((x) => x.id === q.id))).toEqual([]);
    const types = planA.map((q) => q.type);
    expect([types[0], types[5]]).toEqual(['motivation', 'motivation']);
    expect(new Set(types.slice(1, 5))).toEqual(
      new Set(['behavioral', 'technical', 'situational', 'role-specific']),
    );
  });

  it('refuses illegal transitions with clear errors', async () => {
    const created = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 3,
      seed: 1,
    });
    const ref = { profileId, sessionId: created.id };
    await expect(app.call('interviews.end', ref)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/not started/),
    });
    await app.call('interviews.start', ref);
    await app.call('interviews.abandon', ref);
    await expect(app.call('interviews.start', ref)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/abandoned/),
    });
    await expect(app.call('interviews.abandon', ref)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('rejects answers to the wrong question, after the end, and for unknown sessions — and keeps what was saved', async () => {
    const state = await startSession(2);
    const current = state.currentQuestion!;
    const ref = { profileId, sessionId: state.id };
    await expect(
      app.call('interviews.answer', { ...ref, questionId: 'swe-senior-01', text: 'hello' }),
    ).rejects.toMatchObject({
      code: 'WRONG_QUESTION',
      message: expect.stringMatching(/question 1 of 2/),
    });
    const first = await app.call('interviews.answer', {
      ...ref,
      questionId: current.id,
      text: goodAnswer,
    });
    await expect(
      app.call('interviews.answer', { ...ref, questionId: current.id, text: 'again' }),
    ).rejects.toMatchObject({ code: 'WRONG_QUESTION' });
    await app.call('interviews.end', ref);
    await expect(
      app.call('interviews.answer', {
        ...ref,
        questionId: first.session.currentQuestion!.id,
        text: 'late',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/completed/),
    });
    await expect(
      app.call('interviews.get', { profileId, sessionId: 'no-such-session' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await app.jobs.whenIdle();
    const results = await app.call('results.session', ref);
    expect(results.answers.map((a) => a.status)).toEqual(['scored', 'unanswered']);
    expect(results.answers[0]?.answerText).toBe(goodAnswer);
  });

  it('rejects empty and over-long answers without losing the draft', async () => {
    const state = await startSession(1);
    const ref = { profileId, sessionId: state.id, questionId: state.currentQuestion!.id };
    await app.call('interviews.saveDraft', { ...ref, text: 'half an answer' });
    await expect(app.call('interviews.answer', { ...ref, text: '   \n ' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/empty/),
    });
    await expect(
      app.call('interviews.answer', { ...ref, text: 'x'.repeat(100 * 1024) }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/at most 50,000 characters/),
    });
    const again = await app.call('interviews.get', { profileId, sessionId: state.id });
    expect(again.currentQuestion?.draft).toBe('half an answer');
    expect(again.answeredCount).toBe(0);
    const atLimit = await app.call('interviews.answer', {
      ...ref,
      text: 'word '.repeat(MAX_ANSWER_CHARS / 5),
    });
    expect(atLimit.session.answeredCount).toBe(1);
  });

  it('stores unicode and right-to-left answers exactly', async () => {
    const text = 'عملت على تحسين قاعدة البيانات 😊 — naïve café, 日本語のテキスト';
    const results = await scoredSingleAnswer(text);
    expect(results.answers[0]?.answerText).toBe(text);
    expect(results.answers[0]?.status).toBe('scored');
  });

  it('records time over the limit and skipped questions', async () => {
    const state = await startSession(2);
    const q = state.currentQuestion!;
    app.clock.advance(q.timeLimitSeconds + 45);
    const reply = await app.call('interviews.answer', {
      profileId,
      sessionId: state.id,
      questionId: q.id,
      text: goodAnswer,
    });
    await app.call('interviews.skip', {
      profileId,
      sessionId: state.id,
      questionId: reply.session.currentQuestion!.id,
    });
    await app.call('interviews.end', { profileId, sessionId: state.id });
    await app.jobs.whenIdle();
    const results = await app.call('results.session', { profileId, sessionId: state.id });
    expect(results.answers[0]?.overTimeSeconds).toBe(45);
    expect(results.answers[0]?.improvements.join(' ')).toMatch(/45 s over/);
    expect(results.answers[1]?.status).toBe('skipped');
    // A skipped question counts as 0 in the session's overall score.
    expect(results.scores?.overall).toBe(
      Math.round((results.answers[0]?.scores?.overall ?? 0) / 2),
    );
    expect(results.recommendations.join(' ')).toMatch(/skipped 1 question/);
  });

  it("keeps each profile's sessions apart", async () => {
    const state = await startSession(1);
    const other = await app.call('profiles.create', { name: 'Ben' });
    await expect(
      app.call('interviews.get', { profileId: other.id, sessionId: state.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      app.call('interviews.answer', {
        profileId: other.id,
        sessionId: state.id,
        questionId: state.currentQuestion!.id,
        text: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      app.call('results.session', { profileId: other.id, sessionId: state.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.call('results.history', { profileId: other.id })).total).toBe(0);
    expect((await app.call('results.history', { profileId })).total).toBe(1);
    expect(await app.call('interviews.resumable', { profileId: other.id })).toBeNull();
  });
});

describe('a full disk', () => {
  it('refuses the answer with a clear message and keeps the draft and earlier answers', async () => {
    const state = await startSession(2);
    const ref = { profileId, sessionId: state.id };
    const first = await app.call('interviews.answer', {
      ...ref,
      questionId: state.currentQuestion!.id,
      text: goodAnswer,
    });
    const second = first.session.currentQuestion!;
    await app.call('interviews.saveDraft', {
      ...ref,
      questionId: second.id,
      text: 'draft before the disk filled up',
    });
    await app.jobs.whenIdle();
    // SQLite reports SQLITE_FULL once the file may not grow: the same error a full disk gives.
    // Free pages left by earlier deletions would hold the answer without growing the file.
    app.database.sqlite.exec('VACUUM');
    expect(app.database.sqlite.pragma('freelist_count', { simple: true })).toBe(0);
    const pages = app.database.sqlite.pragma('page_count', { simple: true }) as number;
    app.database.sqlite.pragma(`max_page_count = ${pages}`);

    await expect(
      app.call('interviews.answer', {
        ...ref,
        questionId: second.id,
        text: 'long answer '.repeat(4000),
      }),
    ).rejects.toMatchObject({
      code: 'DATABASE',
      message: expect.stringMatching(/disk is full/),
    });
    app.database.sqlite.pragma('max_page_count = 1073741823');
    const after = await app.call('interviews.get', ref);
    expect(after.answeredCount).toBe(1);
    expect(after.currentQuestion?.id).toBe(second.id);
    expect(after.currentQuestion?.draft).toBe('draft before the disk filled up');
  });
});

describe('results carry what each engine measured', () => {
  it('shows grammar issues, fillers and the engines used when those engines ran', async () => {
    await app.close();
    app = await createTestApp({
      engines: { embeddingModelDir: null, grammar: true, linguistics: true },
    });
    profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    const text = 'Um, I recieved the bug report and, like, I fixed the root cause in 2 days.';
    const [answer] = (await scoredSingleAnswer(text)).answers;
    expect(answer?.engine).toMatch(
      /^lexical@3\+rules-grammar@1\+hunspell-en_US@dictionary-en-4\.0\.0\+wink-nlp@.*\+wordnet-3\.1@/,
    );
    const misspelt = answer?.analysis.grammarIssues.find((g) => g.kind === 'Spelling');
    expect(misspelt && text.slice(misspelt.start, misspelt.end)).toBe('recieved');
    expect(answer?.analysis.fillers).toMatchObject({ um: 1, like: 1 });
    expect(answer?.analysis.sentiment).not.toBeNull();
    expect(answer?.analysis.semanticSimilarity).toBeNull(); // no embedding model installed
  }, 60_000);

  it('keeps with the result the answer words it counted as synonyms of the ideal answer', async () => {
    await app.close();
    app = await createTestApp({
      engines: { embeddingModelDir: null, grammar: true, linguistics: true },
    });
    profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    const state = await startSession(1);
    const ref = { profileId, sessionId: state.id };
    const { ideal_answer: ideal } = await app.context.db
      .selectFrom('questions')
      .select('ideal_answer')
      .where('id', '=', state.currentQuestion!.id)
      .executeTakeFirstOrThrow();
    // The ideal answer with one of its words said another way (a WordNet synonym it lacks).
    const { text, said, instead } = withSynonym(ideal);
    await app.call('interviews.answer', { ...ref, questionId: state.currentQuestion!.id, text });
    await app.call('interviews.end', ref);
    await app.jobs.whenIdle();
    const [answer] = (await app.call('results.session', ref)).answers;
    const matched = answer?.analysis.synonymsMatched ?? [];
    expect(matched.map((m) => m.word)).toContain(instead);
    // Counted as a word of the ideal answer ("said", or another it shares a sense with).
    for (const m of matched) expect(words(ideal)).toContain(m.idealWord);
    expect(said).not.toBe(instead);
  }, 60_000);

  it('uses the thorough grammar checker (Harper) for a profile that chose it, and records it', async () => {
    await app.close();
    app = await createTestApp({
      engines: { embeddingModelDir: null, grammar: true, linguistics: true },
    });
    profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    await app.call('settings.update', { profileId, grammarCheck: 'thorough' });
    const text = 'I recieved the bug report and fixed the root cause in two days.';
    const [answer] = (await scoredSingleAnswer(text)).answers;
    expect(answer?.engine).toMatch(/^lexical@3\+harper\.js@2\.10\.0\+wink-nlp@/);
    const misspelt = answer?.analysis.grammarIssues.find((g) => g.kind === 'Spelling');
    expect(misspelt && text.slice(misspelt.start, misspelt.end)).toBe('recieved');
  }, 120_000);
});
