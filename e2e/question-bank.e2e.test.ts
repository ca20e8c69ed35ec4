import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePack } from '../src/main/testing/pack-fixtures';
import { createProfile, startE2e, type E2eEnv } from './fixtures';

let env: E2eEnv;
let tmpDir: string;
beforeEach(async () => {
  env = await startE2e();
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-packs-'));
});
afterEach(async () => {
  await env?.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function writePack(name: string, pack: unknown): string {
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

async function openBank(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Question bank' }).click();
  await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
}

const ANSWER =
  'Before every run I check the centrifuge is balanced: I weigh opposite tubes, label each sample ' +
  'with a barcode and log the chain of custody, so the result reaches the right report.';

describe('the question bank', () => {
  it('imports a pack, finds one of its questions, and practises it on its own', async () => {
    const { page, app } = env;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const pack = makePack({ count: 3 });
    pack.questions[1]!.content = 'How do you balance a centrifuge before a run?';
    const file = writePack('lab.json', pack);

    await createProfile(page, { name: 'Lena Fischer' }, env.server.url);
    await openBank(page);
    await expect.poll(() => page.getByTestId('bank-total').innerText()).toMatch(/\d+ questions/);
    await env.shot('bank-01-screen');

    await page.getByLabel('Pack file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('preview-added').innerText()).toBe('3');
    expect(await page.getByTestId('import-preview').innerText()).toContain('lab-technician');
    await env.shot('bank-02-preview');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported “Career centre: lab roles”: 3 questions added').waitFor();
    await expect
      .poll(() =>
        page.getByRole('listitem').filter({ hasText: 'Career centre: lab roles' }).count(),
      )
      .toBeGreaterThan(0);

    // Export the filtered role: a pack file with its three questions is downloaded.
    await page.getByLabel('Role').selectOption('lab-technician');
    await expect
      .poll(() => page.getByTestId('bank-total').innerText())
      .toBe('3 questions in the bank');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.rehearse-pack\.json$/);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      questions: { id: string }[];
    };
    expect(exported.questions.map((q) => q.id)).toEqual(['lab-1', 'lab-2', 'lab-3']);

    await page.getByLabel('Search questions').fill('centrifuge');
    await expect.poll(() => page.getByTestId('bank-total').innerText()).toBe('1 question matches');
    await env.shot('bank-03-search');
    await page.getByRole('button', { name: /balance a centrifuge/ }).click();
    await page
      .getByRole('heading', { level: 2, name: 'How do you balance a centrifuge before a run?' })
      .waitFor();
    await page.getByText('when the answer misses key points').waitFor();
    await env.shot('bank-04-detail');

    // Similar questions: listed under the detail, each opens in place.
    await page.getByRole('heading', { name: 'Similar questions' }).waitFor();
    await page.getByText(/^Compared by (wording|meaning)/).waitFor();
    const similar = page.locator('.similar-list li button').first();
    const similarText = (await similar.innerText()).trim();
    expect(similarText).not.toBe('How do you balance a centrifuge before a run?');
    await similar.click();
    await page.getByRole('heading', { level: 2, name: similarText }).waitFor();
    await page.getByRole('button', { name: '← Back to the list' }).click();
    await page.getByRole('button', { name: /balance a centrifuge/ }).click();
    await page
      .getByRole('heading', { level: 2, name: 'How do you balance a centrifuge before a run?' })
      .waitFor();

    await page.getByRole('button', { name: 'Practise this question' }).click();
    await page.getByText('Question 1 of 1').waitFor();
    await page.getByText('How do you balance a centrifuge before a run?').waitFor();
    await page.getByLabel('Your answer').fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();
    await expect.poll(() => page.getByTestId('answer-result').count()).toBe(1);
    await page.getByText(/Scoring \d+ answer/).waitFor({ state: 'detached', timeout: 15_000 });
    await env.shot('bank-05-results');

    const db = app.context.db;
    const packRow = await db
      .selectFrom('question_packs')
      .select(['id', 'source'])
      .where('id', '=', 'career-centre-lab')
      .executeTakeFirst();
    expect(packRow).toEqual({ id: 'career-centre-lab', source: 'imported' });
    const session = await db.selectFrom('interview_sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.status).toBe('completed');
    expect(session.job_role_id).toBe('lab-technician');
    const planned = await db
      .selectFrom('session_questions')
      .select('question_id')
      .where('session_id', '=', session.id)
      .execute();
    expect(planned).toEqual([{ question_id: 'lab-2' }]);

    // "Practise again" on the answer starts another one-question session with it.
    await page.getByRole('button', { name: /Practise again/ }).click();
    await page.getByText('Question 1 of 1').waitFor();
    await page.getByText('How do you balance a centrifuge before a run?').waitFor();
    const sessions = await db.selectFrom('interview_sessions').select('id').execute();
    expect(sessions).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a pack with markup, naming the item, and imports nothing', async () => {
    const { page, app } = env;
    const pack = makePack({ id: 'bad-pack', count: 3 });
    pack.questions[1]!.content = 'Tell me about <script>alert(1)</script> lab safety.';
    const file = writePack('bad.json', pack);

    await createProfile(page, { name: 'Sam Ortiz' }, env.server.url);
    await openBank(page);
    await page.getByLabel('Pack file').setInputFiles(file);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/questions\[1\] \(id "lab-2"\)\.content/);
    expect(await alert.innerText()).toMatch(/markup/);
    expect(await alert.innerText()).toContain('Nothing was imported');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await env.shot('bank-06-refused');

    const db = app.context.db;
    const packs = await db
      .selectFrom('question_packs')
      .select('id')
      .where('id', '=', 'bad-pack')
      .execute();
    expect(packs).toEqual([]);
    const questions = await db
      .selectFrom('questions')
      .select('id')
      .where('pack_id', '=', 'bad-pack')
      .execute();
    expect(questions).toEqual([]);
  });

  it('locks the bank behind the administrator PIN, and adds and deletes a custom question', async () => {
    const { page, app } = env;
    await createProfile(page, { name: 'Dr. Admin' }, env.server.url);
    await openBank(page);

    await page.getByLabel('New PIN').fill('2468');
    await page.getByRole('button', { name: 'Make this profile the lab administrator' }).click();
    await page.getByText('Dr. Admin is now a lab administrator').waitFor();
    await page.getByLabel('Administrator PIN', { exact: true }).fill('2468');
    await page.getByRole('button', { name: 'Lock the question bank' }).click();
    await page.getByText('The question bank is locked by the lab administrator').waitFor();
    await env.shot('bank-07-locked');

    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('heading', { name: 'Add a question' }).waitFor();
    // Markup is refused by the services, and the message shows next to the field it is about.
    const questionBox = page.getByLabel('Question', { exact: true });
    await questionBox.fill('Tell me about a <b>spill</b>.');
    await page.getByLabel('Type').selectOption('situational');
    await page.getByLabel('Difficulty').selectOption('2');
    await page.getByLabel('Skills').fill('safety, hygiene');
    await page
      .getByLabel('Ideal answer')
      .fill('I stopped work, warned others, used the spill kit and reported it to the supervisor.');
    await page.getByLabel('Key points').fill('spill kit | absorbent\nreport | incident form');
    await page.getByLabel('Strong answer').fill('Names containment, warning and reporting.');
    await page.getByLabel('Adequate answer').fill('Names containment.');
    await page.getByLabel('Weak answer').fill('Vague.');
    await page.getByLabel('Follow-up question').fill('Who did you report it to?');
    await page.getByLabel('Ask it when').selectOption('no-specific-example');
    await page.getByLabel('Time limit (seconds)').fill('90');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('The question contains HTML or script markup').waitFor();
    expect(await questionBox.getAttribute('aria-invalid')).toBe('true');
    await env.shot('bank-08-form-invalid');
    await questionBox.fill('Tell me about a time you cleaned up a spill.');
    // Locked: without the PIN the change is refused.
    await page.getByRole('button', { name: 'Save question' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/locked/);
    await env.shot('bank-09-form-locked');

    await page.getByLabel('Administrator PIN', { exact: true }).fill('2468');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Tell me about a time you cleaned up a spill.' })
      .waitFor();
    await page.getByText('also counts: absorbent').waitFor();
    await env.shot('bank-10-custom-detail');
    const saved = await app.context.db
      .selectFrom('questions')
      .select(['id', 'source', 'type'])
      .where('source', '=', 'custom')
      .execute();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('situational');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Time limit (seconds)').fill('100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('1 min 40 s').waitFor();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete question' }).click();
    await page.getByLabel('Search questions').waitFor();
    const left = await app.context.db
      .selectFrom('questions')
      .select('id')
      .where('source', '=', 'custom')
      .where('retired_at', 'is', null)
      .execute();
    expect(left).toEqual([]);

    // The administrator unlocks the bank with the PIN already typed in the banner.
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('The question bank is unlocked.').waitFor();
    await expect
      .poll(() => page.getByText('The question bank is locked by the lab administrator').count())
      .toBe(0);
  });
});
