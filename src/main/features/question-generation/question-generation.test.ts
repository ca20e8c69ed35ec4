import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, Input, Output } from '../../../shared/contract';
import { startRehearse, type RehearseApp } from '../../app/rehearse-app';
import { parseStringArray } from '../../platform/json';
import { createTestApp, FakeClock, sequentialIds, type TestApp } from '../../testing/test-app';
import { JOB_TYPES } from '../../jobs/job-types';
import { sharedModelPath } from '../../testing/models';
import { makePack } from '../../testing/pack-fixtures';

const MODEL = sharedModelPath('stories260k/stories260K.gguf');
const ENGINE = 'llm:stories260k+question.v2';
// The lab pack: 6 questions for one role (skills: safety; role tags: safety, sampling).
const labPack = makePack({ count: 6 });
const withModel = { modelPath: MODEL, runtime: { threads: 1 } };

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function call<K extends HandlerName>(
  app: RehearseApp,
  name: K,
  input: Input<K>,
): Promise<Output<K>> {
  return app.registry.invoke(name, input) as Promise<Output<K>>;
}

async function profile(t: TestApp, name = 'Ana'): Promise<string> {
  return (await t.call('profiles.create', { name })).id;
}

async function questionsOf(t: TestApp, sessionId: string) {
  return t.context.db
    .selectFrom('session_questions as sq')
    .innerJoin('questions as q', 'q.id', 'sq.question_id')
    .select(['sq.position', 'q.id', 'q.content', 'q.source', 'q.generated_by', 'q.skills'])
    .where('sq.session_id', '=', sessionId)
    .orderBy('sq.position')
    .execute();
}

function labInterview(t: TestApp, profileId: string, questionCount: number) {
  return t.call('interviews.create', {
    profileId,
    roleId: 'lab-technician',
    level: 'entry',
    questionCount,
    seed: 1,
  });
}

describe('an interview the bank is short for, with a language model', () => {
  it('starts from the bank at once; the job appends a generated question that names its engine', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    const t = app;
    const profileId = await profile(t);
    const seen: string[] = [];
    t.events.on('interview.plan', (e) => seen.push(`plan:${e.generation}:${e.totalQuestions}`));
    t.events.on('job.progress', (e) => {
      if (e.type === JOB_TYPES.generateQuestions.type)
        seen.push(`progress:${e.step}:${e.current}/${e.total}`);
    });
    const created = await labInterview(t, profileId, 7);
    // The interview does not wait on the model: six bank questions now, the job beside them.
    expect(created.totalQuestions).toBe(6);
    expect(created.plan).toMatchObject({ requested: 7, fromBank: 6, generated: 0 });
    expect(['queued', 'running']).toContain(created.plan.generation);
    expect(created.plan.jobId).not.toBeNull();

    await t.jobs.whenIdle();
    const ref = { profileId, sessionId: created.id };
    const after = await t.call('interviews.get', ref);
    expect(after.totalQuestions).toBe(7);
    expect(after.plan).toMatchObject({
      requested: 7,
      fromBank: 6,
      generated: 1,
      generation: 'done',
      note: null,
    });
    expect((await t.call('jobs.get', { jobId: created.plan.jobId! })).status).toBe('done');
    // Progress per question, and a push each time the plan grows (the interview screen refreshes).
    expect(seen).toEqual([
      'plan:running:6',
      'progress:generating:0/1',
      'plan:running:7',
      'progress:done:1/1',
      'plan:done:7',
    ]);
    const rows = await questionsOf(t, created.id);
    expect(rows.map((r) => r.source)).toEqual([...Array<string>(6).fill('builtin'), 'generated']);
    const generated = rows[6]!;
    expect(generated.generated_by).toBe(ENGINE);
    expect(parseStringArray(generated.skills)).toHaveLength(1);

    // Not part of the bank's listing, but readable one by one, marked as generated.
    const listed = await t.call('bank.questions', { roleId: 'lab-technician' });
    expect(listed.map((q) => q.id)).not.toContain(generated.id);
    expect((await t.call('bank.roles', {}))[0]!.questionCount).toBe(6);
    const search = await t.call('bank.search', { query: '', limit: 50, offset: 0 });
    expect(search.items.map((q) => q.id)).not.toContain(generated.id);
    const similar = await t.call('bank.similar', { questionId: 'lab-1', limit: 10 });
    expect(similar.items.map((i) => i.question.id)).not.toContain(generated.id);
    expect(similar.items.length).toBeGreaterThan(0);
    const ownPack = await t.call('bank.search', {
      query: '',
      packId: 'generated-questions',
      limit: 50,
      offset: 0,
    });
    expect(ownPack.items.map((q) => q.id)).toEqual([generated.id]);
    expect(await t.call('bank.question', { questionId: generated.id })).toMatchObject({
      source: 'generated',
      generatedBy: ENGINE,
    });

    // The interview reaches it like any question, marked with its engine, and scores the answer.
    await t.call('interviews.start', ref);
    let state = await t.call('interviews.get', ref);
    for (let i = 0; i < 6; i++) {
      expect(state.currentQuestion!.generatedBy).toBeNull();
      t.clock.advance(30);
      state = await t.call('interviews.skip', { ...ref, questionId: state.currentQuestion!.id });
    }
    expect(state.currentQuestion).toMatchObject({ id: generated.id, generatedBy: ENGINE });
    t.clock.advance(30);
    await t.call('interviews.answer', {
      ...ref,
      questionId: generated.id,
      text: 'I would label each sample and log it before the analysis starts.',
    });
    await t.call('interviews.end', ref);
    await t.jobs.whenIdle();
    const results = await t.call('results.session', ref);
    expect(results.answers.at(-1)).toMatchObject({
      questionId: generated.id,
      status: 'scored',
      generatedBy: ENGINE,
    });
    expect(results.answers[0]!.generatedBy).toBeNull();

    // Deleting the interview deletes the question written for it; the bank keeps its own.
    await t.call('data.deleteSession', ref);
    const left = await t.context.db.selectFrom('questions').select('source').execute();
    expect(left.map((q) => q.source)).toEqual(Array<string>(6).fill('builtin'));
  }, 120_000);

  it('refuses a question the model repeats: the plan stays short and says why', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    const profileId = await profile(app);
    const created = await labInterview(app, profileId, 8);
    await app.jobs.whenIdle();
    const after = await app.call('interviews.get', { profileId, sessionId: created.id });
    // The test model writes the same question whatever the prompt (temperature 0): the second
    // one repeats the first, which is now in this person's history, and is refused every try.
    expect(after.plan).toMatchObject({
      requested: 8,
      fromBank: 6,
      generated: 1,
      generation: 'failed',
    });
    expect(after.plan.note).toMatch(
      /added 1 of the 2 questions the bank lacked: the model's question repeated a question you were already asked \(".+", lexical similarity 1\)/,
    );
    expect(after.totalQuestions).toBe(7);
  }, 120_000);

  it("another person's generated question is neither bank nor their history: not a repeat", async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    const t = app;
    const generatedFor = async (name: string) => {
      const profileId = await profile(t, name);
      const created = await labInterview(t, profileId, 7);
      await t.jobs.whenIdle();
      const state = await t.call('interviews.get', { profileId, sessionId: created.id });
      expect(state.plan).toMatchObject({ generation: 'done', generated: 1 });
      return (await questionsOf(t, created.id))[6]!;
    };
    const ana = await generatedFor('Ana');
    const ben = await generatedFor('Ben');
    // The test model writes the same text both times; each interview keeps its own row.
    expect(ben.content).toBe(ana.content);
    expect(ben.id).not.toBe(ana.id);
  }, 120_000);

  it('adds nothing once the candidate has reached the end of the interview', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    const t = app;
    await t.jobs.stop(); // hold the job until the candidate is done
    const profileId = await profile(t);
    const created = await labInterview(t, profileId, 7);
    const ref = { profileId, sessionId: created.id };
    let state = await t.call('interviews.start', ref);
    while (state.currentQuestion)
      state = await t.call('interviews.skip', { ...ref, questionId: state.currentQuestion.id });
    await t.jobs.start();
    await t.jobs.whenIdle();
    const after = await t.call('interviews.get', ref);
    expect(after.totalQuestions).toBe(6);
    expect(after.plan.generation).toBe('failed');
    expect(after.plan.note).toMatch(/added 0 of the 1 .*had already reached the end/);
    expect((await questionsOf(t, created.id)).every((q) => q.source === 'builtin')).toBe(true);
  }, 120_000);

  it('stops at the first try when the model file is damaged, and says why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-gen-broken-'));
    const broken = path.join(dir, 'broken.gguf');
    fs.writeFileSync(broken, fs.readFileSync(MODEL).subarray(0, 500_000));
    try {
      app = await createTestApp({
        builtinPacks: [labPack],
        llm: { modelPath: broken, runtime: { threads: 1 } },
      });
      const t = app;
      const tries: number[] = [];
      t.events.on('job.progress', (e) => {
        if (e.type === JOB_TYPES.generateQuestions.type && e.step === 'generating')
          tries.push(e.current);
      });
      const profileId = await profile(t);
      const created = await labInterview(t, profileId, 8);
      await t.jobs.whenIdle();
      const after = await t.call('interviews.get', { profileId, sessionId: created.id });
      expect(after.plan).toMatchObject({ generation: 'failed', generated: 0, fromBank: 6 });
      expect(after.plan.note).toMatch(/added 0 of the 2 .*could not be loaded/);
      expect(tries).toEqual([0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('shows a cancelled job as cancelled', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    await app.jobs.stop();
    const profileId = await profile(app);
    const created = await labInterview(app, profileId, 7);
    await app.call('jobs.cancel', { jobId: created.plan.jobId! });
    const after = await app.call('interviews.get', { profileId, sessionId: created.id });
    expect(after.plan).toMatchObject({ generation: 'cancelled', generated: 0 });
    expect(after.plan.note).toMatch(/cancelled/);
  });
});

describe('the generate-questions job across a restart', () => {
  it('is persisted: queued when the app closed, it runs when the app starts again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-gen-restart-'));
    const options = (prefix: string) => ({
      dataDir,
      transport: 'web' as const,
      clock: new FakeClock(),
      ids: sequentialIds(prefix),
      builtinPacks: [labPack],
      llm: withModel,
      engines: { embeddingModelDir: null, grammar: false, linguistics: false },
      speechModels: { whisper: null, vad: null },
    });
    try {
      const first = await startRehearse(options('a'));
      await first.jobs.stop(); // the app closes before the job gets its turn
      const profileId = (await call(first, 'profiles.create', { name: 'Ana' })).id;
      const created = await call(first, 'interviews.create', {
        profileId,
        roleId: 'lab-technician',
        level: 'entry',
        questionCount: 7,
        seed: 1,
      });
      expect(created.plan.generation).toBe('queued');
      await first.close();

      const second = await startRehearse(options('b'));
      await second.jobs.whenIdle();
      const after = await call(second, 'interviews.get', { profileId, sessionId: created.id });
      expect(after.plan).toMatchObject({ generation: 'done', generated: 1 });
      expect(after.totalQuestions).toBe(7);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('an interview the bank is short for, with no language model', () => {
  it('stays bank-only and says so, with no job', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: { modelPath: null } });
    const profileId = await profile(app);
    const created = await labInterview(app, profileId, 8);
    expect(created.totalQuestions).toBe(6);
    expect(created.plan).toEqual({
      requested: 8,
      fromBank: 6,
      generated: 0,
      generation: 'no-model',
      note: 'The bank had 6 questions for Lab Technician (8 asked for); install a language model to get more.',
      jobId: null,
      jobDescription: '',
      jobSkills: [],
    });
    await app.jobs.whenIdle();
    const jobs = await app.context.db.selectFrom('jobs').select('type').execute();
    expect(jobs).toEqual([]);
  });

  it('asks for nothing more when the bank has enough', async () => {
    app = await createTestApp({ builtinPacks: [labPack], llm: withModel });
    const profileId = await profile(app);
    const created = await labInterview(app, profileId, 5);
    expect(created.plan).toMatchObject({
      requested: 5,
      fromBank: 5,
      generation: 'not-needed',
      jobId: null,
    });
  });
});
