import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startE2e, type E2eEnv } from './fixtures';
import { withSynonym } from '../src/main/testing/with-synonym';

let env: E2eEnv;
beforeEach(async () => {
  env = await startE2e();
});
afterEach(async () => {
  await env?.close();
});

const ANSWERS = [
  'In my last internship our API was slow, so my task was to find out why. I profiled the queries, added an index ' +
    'and fixed an N+1 query in the ORM. As a result the p95 latency dropped from 900 ms to 120 ms.',
  'I would first clarify the requirements with the stakeholders, write down the edge cases, then add tests before ' +
    'changing the code, review it with a teammate and deploy behind a feature flag.',
  'لقد عملت على مشروع لتحسين الأداء — and I measured the result: a 30% faster build.',
];

describe('a typed-answer interview in the browser', () => {
  it('creates a profile, answers every question, and shows the results saved in the database', async () => {
    const { page, server, app } = env;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Who is practising?' }).waitFor();
    await env.shot('01-profile-picker');
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Name').fill('Amira Haddad');
    await page.getByLabel('Target role').selectOption('software-engineer');
    await page.getByLabel('Level').selectOption('entry');
    await page.getByLabel('Skills').fill('javascript, sql');
    await env.shot('02-profile-editor');
    await page.getByRole('button', { name: 'Save profile' }).click();

    await page.getByRole('heading', { name: 'Welcome, Amira Haddad' }).waitFor();
    await env.shot('03-home');
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByRole('heading', { name: 'Set up your interview' }).waitFor();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByLabel('Follow-up questions').selectOption('0');
    await env.shot('04-setup');
    await page.getByRole('button', { name: 'Start interview' }).click();

    const answerBox = page.getByLabel('Your answer');
    for (const [i, answer] of ANSWERS.entries()) {
      await page.getByText(`Question ${i + 1} of 3`).waitFor();
      // An empty answer is refused with a message, and nothing moves on.
      if (i === 0) {
        await page.getByRole('button', { name: 'Submit answer' }).click();
        await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/empty/i);
        await page.getByText('Question 1 of 3').waitFor();
      }
      await answerBox.fill(answer);
      if (i === 0) await env.shot('05-interview');
      await page.getByRole('button', { name: 'Submit answer' }).click();
    }
    await page.getByRole('button', { name: 'Finish and see results' }).click();

    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect
      .poll(async () => (await page.getByTestId('overall-score').innerText()).trim(), {
        timeout: 15_000,
      })
      .toMatch(/^\d+$/);
    await expect.poll(() => page.getByTestId('answer-result').count()).toBe(3);
    await page.getByText(/Scoring \d+ answer/).waitFor({ state: 'detached' });
    await env.shot('06-results');
    const shownOverall = Number((await page.getByTestId('overall-score').innerText()).trim());

    // The database holds exactly what the screen shows.
    const db = app.context.db;
    const session = await db.selectFrom('interview_sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.status).toBe('completed');
    expect(session.overall_score).toBe(shownOverall);
    const answers = await db
      .selectFrom('answers')
      .select(['transcription', 'status'])
      .where('session_id', '=', session.id)
      .orderBy('position')
      .execute();
    expect(answers.map((a) => a.transcription)).toEqual(ANSWERS);
    const feedback = await db.selectFrom('feedback').select('engine').execute();
    expect(feedback).toHaveLength(3);
    const user = await db
      .selectFrom('users')
      .select(['name', 'target_role_id', 'skills'])
      .executeTakeFirstOrThrow();
    expect(user).toEqual({
      name: 'Amira Haddad',
      target_role_id: 'software-engineer',
      skills: '["javascript","sql"]',
    });
    await expect.poll(() => page.getByText(ANSWERS[2]!).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'History' }).first().click();
    await page.getByRole('heading', { name: 'Interview history' }).waitFor();
    await expect.poll(() => page.getByText(String(shownOverall)).count()).toBeGreaterThan(0);
    await env.shot('07-history');
    expect(pageErrors).toEqual([]);
  });

  it("shows which words of an answer in other words counted as the ideal answer's, and a non-answer as such", async () => {
    const { page, server, app } = env;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Name').fill('Chen');
    await page.getByLabel('Target role').selectOption('software-engineer');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByLabel('Follow-up questions').selectOption('0');
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Question 1 of 3').waitFor();

    // The first question's ideal answer with one word said another way (a WordNet synonym).
    const { ideal_answer: ideal } = await app.context.db
      .selectFrom('session_questions as sq')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .select('q.ideal_answer')
      .orderBy('sq.position')
      .executeTakeFirstOrThrow();
    const { text, instead } = withSynonym(ideal);
    const answers = [text, "Sorry, I don't know.", 'Skip'];
    for (const [i, answer] of answers.entries()) {
      await page.getByText(`Question ${i + 1} of 3`).waitFor();
      await page.getByLabel('Your answer').fill(answer);
      await page.getByRole('button', { name: 'Submit answer' }).click();
    }
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect.poll(() => page.getByTestId('answer-result').count()).toBe(3);
    await page.getByText(/Scoring \d+ answer/).waitFor({ state: 'detached' });

    const [first, second] = [0, 1].map((i) => page.getByTestId('answer-result').nth(i));
    await first!.locator('summary', { hasText: 'What we measured' }).click();
    await expect
      .poll(() => first!.locator('.measured__list').innerText())
      .toMatch(new RegExp(`In other words\\s+“${instead}” counted as “`));
    await env.shot('08-in-other-words');
    await second!.locator('summary', { hasText: 'What we measured' }).click();
    await expect.poll(() => second!.locator('.measured__list').innerText()).toContain('no attempt');
    await expect.poll(() => second!.innerText()).toContain('a partial answer earns more than none');
  });

  it('offers an interrupted interview back after a reload, with the typed draft', async () => {
    const { page, server } = env;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Name').fill('Bo');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByLabel('Your answer').fill('A draft that must survive a crash');
    await page.getByText('Draft saved').waitFor();

    await page.reload();
    const resume = page.getByRole('button', { name: 'Resume' });
    if (await page.getByRole('heading', { name: 'Who is practising?' }).isVisible()) {
      await page.getByRole('button', { name: /Bo/ }).first().click();
    }
    await resume.click();
    await expect
      .poll(() => page.getByLabel('Your answer').inputValue())
      .toBe('A draft that must survive a crash');
  });
});
