import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPagesText, pdfToPngs } from '../src/main/testing/pdf-tools';
import { createProfile, SHOTS_DIR, startE2e, type E2eEnv } from './fixtures';

let env: E2eEnv;
beforeEach(async () => {
  env = await startE2e();
});
afterEach(async () => {
  await env?.close();
});

const NAME = 'Zoë Łukasiewicz 李明';
const ANSWERS = [
  'In my last internship our API was slow, so my task was to find out why. I profiled the queries, added an index ' +
    'and fixed an N+1 query in the ORM. As a result the p95 latency dropped from 900 ms to 120 ms.',
  'Um, I would basically clarify the requirements with the stakeholders, like, write down the edge cases, then add ' +
    'tests before changing the code, review it with a teammate and deploy behind a feature flag.',
  'I keep a list of what I learned each week and pair with senior engineers on code reviews and debugging.',
];

describe('results, history, progress and the PDF report in the browser', () => {
  it('completes an interview, exports its PDF, finds it in history and sees progress charts', async () => {
    const { page, server, app, dataDir } = env;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(server.url);
    await createProfile(page, { name: NAME, roleId: 'software-engineer' });
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByLabel('Number of questions').fill('3');
    // One answer per planned question: no follow-ups in this test.
    await page.getByLabel('Follow-up questions').selectOption('0');
    await page.getByRole('button', { name: 'Start interview' }).click();
    for (const [i, answer] of ANSWERS.entries()) {
      await page.getByText(`Question ${i + 1} of 3`).waitFor();
      await page.getByLabel('Your answer').fill(answer);
      await page.getByRole('button', { name: 'Submit answer' }).click();
    }
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await page.getByText(/Scoring \d+ answer/).waitFor({ state: 'detached', timeout: 20_000 });
    const overall = Number((await page.getByTestId('overall-score').innerText()).trim());
    const session = await app.context.db
      .selectFrom('interview_sessions')
      .select('id')
      .executeTakeFirstOrThrow();
    const profileId = ((await app.registry.invoke('profiles.list', {})) as { id: string }[])[0]!.id;
    const { answers } = (await app.registry.invoke('results.session', {
      profileId,
      sessionId: session.id,
    })) as { answers: { question: string; scores: { overall: number } | null }[] };

    // Export the PDF: the browser downloads it; its pages show the right names, scores and text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PDF report' }).click(),
    ]);
    const pdf = path.join(dataDir, 'report.pdf');
    await download.saveAs(pdf);
    expect(download.suggestedFilename()).toMatch(
      /^rehearse-software-engineer-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const pngs = pdfToPngs(pdf, path.join(SHOTS_DIR, 'report-pdf'), 60);
    expect(pngs).toHaveLength(5); // cover, summary, one page per answer
    const pages = pdfPagesText(pdf, pngs.length);
    expect(pages[0]).toContain(NAME);
    expect(pages[0]).toMatch(new RegExp(`\\b${overall}\\s+out of 100`));
    expect(pages[1]).toMatch(new RegExp(`Overall\\s+${overall}\\b`));
    answers.forEach((a, i) => {
      expect(pages[2 + i]!.replace(/\s+/g, ' ')).toContain(a.question.slice(0, 30));
      expect(pages[2 + i]).toMatch(new RegExp(`Overall\\s+${Math.round(a.scores!.overall)}\\b`));
    });
    expect(pages[3]!.replace(/\s+/g, ' ')).toContain('Fillers (marked):');

    // History: the interview is listed, filters narrow it, and it opens with its answers.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'History' })
      .click();
    await page.getByRole('heading', { name: 'Interview history' }).waitFor();
    await expect.poll(() => page.locator('.history-table tbody tr').count()).toBe(1);
    await page.getByLabel('Role').selectOption('data-analyst');
    await page.getByText('No interview matches these filters.').waitFor();
    await page.getByLabel('Role').selectOption('software-engineer');
    await page.getByLabel('Score').selectOption(overall >= 25 ? '25' : '');
    await expect.poll(() => page.locator('.history-table tbody tr').count()).toBe(1);
    await env.shot('reports-01-history');
    await page.locator('.history-table tbody tr').getByRole('button').click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect.poll(() => page.getByTestId('answer-result').count()).toBe(3);

    // Progress: the dashboard counts the interview and the charts have drawn data.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Progress' })
      .click();
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    await expect.poll(() => page.getByTestId('stat-sessions').innerText()).toBe('1');
    expect(await page.getByTestId('stat-questions').innerText()).toBe('3');
    expect(await page.getByTestId('stat-average').innerText()).toBe(String(overall));
    const scoresChart = page.getByTestId('chart-Scores over time');
    await expect.poll(() => scoresChart.locator('.recharts-line').count()).toBe(5);
    expect(await scoresChart.locator('.recharts-line-dots circle').count()).toBe(5);
    expect(
      await page.getByTestId('chart-Skills over time').locator('.recharts-line').count(),
    ).toBeGreaterThan(0);
    expect(
      await page.getByTestId('chart-Filler rate').locator('.recharts-line-dots circle').count(),
    ).toBe(1);
    await page.getByText('Speaking pace: no spoken answers yet.').waitFor();
    await env.shot('reports-02-progress-light');

    // Dark theme: the toggle stores the choice and the charts take the dark palette.
    const gridStroke = () =>
      scoresChart.locator('.recharts-cartesian-grid line').first().getAttribute('stroke');
    const lightGrid = await gridStroke();
    await page.getByRole('button', { name: /^System theme/ }).click(); // → light
    await page.getByRole('button', { name: /^Light theme/ }).click(); // → dark
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['theme']))
      .toBe('dark');
    await expect.poll(gridStroke).not.toBe(lightGrid);
    await env.shot('reports-03-progress-dark');
    expect(await app.registry.invoke('settings.get', { profileId })).toMatchObject({
      theme: 'dark',
    });

    // Delete the interview from its results page, after confirming: history is empty again.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'History' })
      .click();
    await page.locator('.history-table tbody tr').getByRole('button').click();
    await page.getByRole('button', { name: 'Delete this interview' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { name: 'Interview history' }).waitFor();
    await page.getByText('No interviews yet.', { exact: false }).waitFor();
    expect(await app.context.db.selectFrom('answers').select('id').execute()).toEqual([]);

    expect(pageErrors).toEqual([]);
    expect(fs.existsSync(pdf)).toBe(true);
  });
});
