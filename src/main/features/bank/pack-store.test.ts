import { afterEach, describe, expect, it } from 'vitest';
import { makePack } from '../../testing/pack-fixtures';
import { createTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
afterEach(() => app?.close());

const json = (v: unknown) => JSON.stringify(v);

async function snapshot(t: TestApp) {
  const db = t.context.db;
  return {
    questions: await db.selectFrom('questions').selectAll().orderBy('id').execute(),
    roles: await db.selectFrom('job_roles').selectAll().orderBy('id').execute(),
    packs: await db
      .selectFrom('question_packs')
      .select(['id', 'name', 'content_hash'])
      .orderBy('id')
      .execute(),
  };
}

describe('question packs', () => {
  it('previews, then imports a pack kept apart from the built-in bank, and removes it', async () => {
    app = await createTestApp();
    const before = await snapshot(app);
    const pack = makePack();
    const preview = await app.call('packs.preview', { text: json(pack), mode: 'merge' });
    expect(preview).toMatchObject({
      packId: 'career-centre-lab',
      added: 6,
      rolesAdded: ['lab-technician'],
      conflicts: [],
    });
    expect(await snapshot(app)).toEqual(before); // preview stores nothing

    await app.call('packs.import', { text: json(pack), mode: 'merge' });
    const listed = (await app.call('packs.list', {})).find((p) => p.id === 'career-centre-lab');
    expect(listed).toMatchObject({
      source: 'imported',
      questionCount: 6,
      roleIds: ['lab-technician'],
    });
    expect(
      (await app.call('bank.questions', { roleId: 'lab-technician' })).map((q) => q.id),
    ).toHaveLength(6);
    expect((await app.call('bank.roles', {})).some((r) => r.id === 'lab-technician')).toBe(true);

    await app.call('packs.remove', { packId: 'career-centre-lab' });
    expect(await snapshot(app)).toEqual(before);
  });

  it('merges and replaces, and reports conflicts with other packs', async () => {
    app = await createTestApp({ builtinPacks: [makePack({ id: 'builtin-lab', prefix: 'core' })] });
    await app.call('packs.import', { text: json(makePack({ count: 4 })), mode: 'merge' });
    const v2 = makePack({ count: 3 });
    v2.questions[0]!.content = 'How do you handle a broken chain of custody?';
    v2.questions.push({
      ...v2.questions[1]!,
      id: 'core-1',
      content: 'A clash with the built-in pack?',
    });
    const merged = await app.call('packs.import', { text: json(v2), mode: 'merge' });
    expect(merged).toMatchObject({
      packExisted: true,
      updated: 1,
      unchanged: 2,
      removed: 0,
      rolesKept: ['lab-technician'], // the built-in fixture pack defined it first
    });
    expect(merged.conflicts).toEqual([
      { id: 'core-1', reason: expect.stringMatching(/already used by pack "builtin-lab"/) },
    ]);
    expect((await app.call('bank.question', { questionId: 'core-1' })).content).not.toBe(
      'A clash with the built-in pack?',
    );
    expect((await app.call('bank.question', { questionId: 'lab-4' })).packId).toBe(
      'career-centre-lab',
    );

    const replaced = await app.call('packs.import', {
      text: json(makePack({ count: 2 })),
      mode: 'replace',
    });
    expect(replaced).toMatchObject({ removed: 2 });
    await expect(app.call('bank.question', { questionId: 'lab-4' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a bad pack whole: nothing already stored changes', async () => {
    app = await createTestApp();
    await app.call('packs.import', { text: json(makePack()), mode: 'merge' });
    const before = await snapshot(app);
    const bad = makePack({ count: 8 });
    bad.questions[7]!.roleId = 'astronaut';
    await expect(
      app.call('packs.import', { text: json(bad), mode: 'replace' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/questions\[7\] \(id "lab-8"\): role "astronaut"/),
    });
    await expect(
      app.call('packs.import', {
        text: '{"format":"rehearse-question-pack","version":1}',
        mode: 'merge',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      app.call('packs.import', { text: json(makePack({ id: 'builtin-software-engineer' })) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot(app)).toEqual(before);
  });

  it('keeps answered questions readable after their pack is removed', async () => {
    app = await createTestApp();
    await app.call('packs.import', { text: json(makePack()), mode: 'merge' });
    const profile = await app.call('profiles.create', { name: 'Ana' });
    const session = await app.call('interviews.create', {
      profileId: profile.id,
      roleId: 'lab-technician',
      level: 'entry',
      questionIds: ['lab-1'],
    });
    await app.call('interviews.start', { profileId: profile.id, sessionId: session.id });
    await app.call('interviews.answer', {
      profileId: profile.id,
      sessionId: session.id,
      questionId: 'lab-1',
      text: 'I barcode each sample and keep the chain of custody log.',
    });
    await app.call('interviews.end', { profileId: profile.id, sessionId: session.id });
    expect(await app.call('packs.remove', { packId: 'career-centre-lab' })).toEqual({
      deleted: 5,
      retired: 1,
    });
    const results = await app.call('results.session', {
      profileId: profile.id,
      sessionId: session.id,
    });
    expect(results.answers[0]?.question).toMatch(/sample 1 traceable/);
    const found = await app.call('bank.search', { query: 'sample traceable', limit: 100 });
    expect(found.items.map((q) => q.id)).not.toContain('lab-1');
  });

  it('exports and imports into an empty data dir with identical content', async () => {
    app = await createTestApp();
    await app.call('packs.import', { text: json(makePack({ count: 9 })), mode: 'merge' });
    const exported = await app.call('packs.export', {});
    await app.close();
    app = await createTestApp();
    const report = await app.call('packs.import', { text: exported.text, mode: 'merge' });
    expect(report.conflicts).toEqual([]);
    const again = await app.call('packs.export', {});
    expect(JSON.parse(again.text)).toEqual(JSON.parse(exported.text));
  });
});

describe('full-text search and custom questions', () => {
  it('finds questions by words in the question, ideal answer or tags, with filters', async () => {
    app = await createTestApp();
    const all = await app.call('bank.search', { query: '' });
    expect(all.total).toBeGreaterThanOrEqual(600);
    const hits = await app.call('bank.search', { query: 'STAR conflict', limit: 100 });
    expect(hits.total).toBeGreaterThan(0);
    const entryTech = await app.call('bank.search', {
      query: '',
      roleId: 'software-engineer',
      level: 'entry',
      type: 'technical',
    });
    expect(
      entryTech.items.every(
        (q) => q.roleId === 'software-engineer' && q.level === 'entry' && q.type === 'technical',
      ),
    ).toBe(true);
    // FTS syntax in what a person types is treated as words, never as query syntax.
    for (const query of ['") OR 1=1 --', 'NEAR(a b', '*', 'a AND OR NOT']) {
      const r = await app.call('bank.search', { query });
      expect(r.total).toBeLessThanOrEqual(all.total);
    }
  });

  it('adds, edits and deletes custom questions; built-in ones are read-only', async () => {
    app = await createTestApp();
    const draft = {
      ...makePack().questions[0]!,
      roleId: 'software-engineer',
      content: 'How do you review a pull request?',
    };
    const { id: _id, ...withoutId } = draft;
    const created = await app.call('bank.saveQuestion', { question: withoutId });
    expect(created).toMatchObject({ source: 'custom', packId: 'custom' });
    const edited = await app.call('bank.saveQuestion', {
      question: { ...withoutId, id: created.id, content: 'How do you review code?' },
    });
    expect(edited.content).toBe('How do you review code?');
    expect(
      (await app.call('bank.search', { query: 'review code' })).items.map((q) => q.id),
    ).toContain(created.id);
    await expect(
      app.call('bank.saveQuestion', { question: { ...withoutId, id: 'swe-entry-01' } }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(
      app.call('bank.deleteQuestion', { questionId: 'swe-entry-01' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await app.call('bank.deleteQuestion', { questionId: created.id })).toEqual({
      deleted: true,
      retired: false,
    });
  });

  it('lets a lab administrator lock the bank', async () => {
    app = await createTestApp();
    const admin = await app.call('profiles.create', { name: 'Lab admin' });
    const student = await app.call('profiles.create', { name: 'Student' });
    await app.call('admin.setup', { profileId: admin.id, pin: '2468' });
    await expect(
      app.call('admin.setup', { profileId: student.id, pin: '1111' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(app.call('admin.lockBank', { pin: '0000', locked: true })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: /Wrong PIN/,
    });
    expect(await app.call('admin.lockBank', { pin: '2468', locked: true })).toMatchObject({
      bankLocked: true,
      adminProfileIds: [admin.id],
    });
    await expect(app.call('packs.import', { text: json(makePack()) })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: /locked/,
    });
    await app.call('packs.import', { text: json(makePack()), adminPin: '2468' });
    const hash = await app.context.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^scrypt\$/);
    expect(hash.password_hash).not.toContain('2468');
  });
});
