import { afterEach, describe, expect, it } from 'vitest';
import { parseStringArray } from '../../platform/json';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { sharedModelPath } from '../../testing/models';
import { makePack } from '../../testing/pack-fixtures';

const MODEL = sharedModelPath('stories260k/stories260K.gguf');

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function skillsOfPlan(t: TestApp, sessionId: string): Promise<string[][]> {
  const rows = await t.context.db
    .selectFrom('session_questions as sq')
    .innerJoin('questions as q', 'q.id', 'sq.question_id')
    .select('q.skills')
    .where('sq.session_id', '=', sessionId)
    .orderBy('sq.position')
    .execute();
  return rows.map((r) => parseStringArray(r.skills));
}

const JOB =
  'Backend engineer. You will write SQL every day, design databases for new services and ' +
  'take part in system design reviews. SQL and databases experience required.';

describe('an interview from a pasted job description', () => {
  it('reads the skills, picks bank questions on them and stores both with the session', async () => {
    app = await createTestApp({ llm: { modelPath: null } });
    const t = app;
    const profileId = (await t.call('profiles.create', { name: 'Ana' })).id;
    const base = {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 5,
      seed: 4,
    } as const;
    const plain = await t.call('interviews.create', base);
    const fromJob = await t.call('interviews.create', { ...base, jobDescription: `  ${JOB}\n` });

    expect(fromJob.plan.jobDescription).toBe(JOB);
    expect(fromJob.plan.jobSkills).toEqual(
      expect.arrayContaining(['sql', 'databases', 'system design']),
    );
    expect(plain.plan).toMatchObject({ jobDescription: '', jobSkills: [] });
    const wanted = new Set(fromJob.plan.jobSkills);
    const onSkills = (skills: string[][]) =>
      skills.filter((s) => s.some((k) => wanted.has(k))).length;
    const jobPlan = await skillsOfPlan(t, fromJob.id);
    expect(jobPlan).toHaveLength(5);
    expect(onSkills(jobPlan)).toBeGreaterThan(onSkills(await skillsOfPlan(t, plain.id)));
    expect(fromJob.plan).toMatchObject({ generation: 'no-model', fromBank: 5 });
    // Results show what the interview was set up for.
    expect(await t.call('results.session', { profileId, sessionId: fromJob.id })).toMatchObject({
      jobDescription: JOB,
      jobSkills: fromJob.plan.jobSkills,
    });
    expect(fromJob.plan.note).toBe(
      `The bank had ${onSkills(jobPlan)} of the 5 questions on databases, sql, system design; ` +
        `${5 - onSkills(jobPlan)} general Software Engineer questions fill the rest. ` +
        'Install a language model to get questions on these skills.',
    );
  });

  it('with no model, says how few questions the bank had on a rare skill and fills up from the role', async () => {
    app = await createTestApp({ llm: { modelPath: null } });
    const profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    const created = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 5,
      seed: 4,
      jobDescription: 'Front-end role: typography matters here, and so does typography on mobile.',
    });
    expect(created.plan.jobSkills).toEqual(['typography']);
    const skills = await skillsOfPlan(app, created.id);
    expect(skills).toHaveLength(5);
    // The bank has few typography questions: the note says how many the plan has, truthfully.
    const onTypography = skills.filter((s) => s.includes('typography')).length;
    expect(onTypography).toBeGreaterThanOrEqual(1);
    expect(onTypography).toBeLessThan(5);
    expect(created.plan.note).toBe(
      `The bank had ${onTypography} of the 5 questions on typography; ${5 - onTypography} general ` +
        'Software Engineer questions fill the rest. Install a language model to get questions on ' +
        'these skills.',
    );
  });

  it('with a model, a job description on skills the bank lacks gets generated questions on them', async () => {
    app = await createTestApp({
      builtinPacks: [makePack({ count: 6 })],
      llm: { modelPath: MODEL, runtime: { threads: 1 } },
    });
    const t = app;
    const profileId = (await t.call('profiles.create', { name: 'Ana' })).id;
    const created = await t.call('interviews.create', {
      profileId,
      roleId: 'lab-technician',
      level: 'entry',
      questionCount: 3,
      seed: 1,
      jobDescription: 'Field sampling technician: you plan sampling rounds and report on sampling.',
    });
    // No bank question is on sampling: the interview opens with one of the role's at once.
    expect(created.plan).toMatchObject({ jobSkills: ['sampling'], fromBank: 1, generated: 0 });
    expect(['queued', 'running']).toContain(created.plan.generation);
    await t.jobs.whenIdle();
    const after = await t.call('interviews.get', { profileId, sessionId: created.id });
    expect(after.plan.generated).toBeGreaterThanOrEqual(1);
    expect(after.plan.jobDescription).toMatch(/^Field sampling technician/);
    const skills = await skillsOfPlan(t, created.id);
    // Every generated question was asked about the job's skill.
    expect(skills.slice(1)).toEqual(
      Array.from({ length: after.plan.generated }, () => ['sampling']),
    );
  }, 120_000);
});
