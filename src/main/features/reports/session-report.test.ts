import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFonts, pdfPagesText, pdfText, pdfToPngs } from '../../testing/pdf-tools';
import { completeSession } from '../../testing/sessions';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { splitByScript } from './pdf-document';
import { markFillers } from './session-report';

const NAME = 'Zoë Łukasiewicz 李明';
const good =
  'In my last internship our API was slow, so my task was to find out why. I profiled the queries, ' +
  'added an index on the user id column and rewrote the pagination. As a result the p95 latency ' +
  'dropped from 900 ms to 120 ms and the team adopted the same approach for two other endpoints.';
const fillers = 'Um, I would basically test it, you know, and like fix the bug quickly.';

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-pdf-'));
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('session PDF report', () => {
  it('shows the candidate (non-Latin too), role, scores, every answer, and page numbers', async () => {
    const profileId = (await app.call('profiles.create', { name: NAME })).id;
    const results = await completeSession(app, profileId, { answers: [good, null, fillers] });
    const pdf = await app.call('reports.sessionPdf', { profileId, sessionId: results.sessionId });
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.fileName).toBe('rehearse-software-engineer-2026-03-02.pdf');
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    expect(pdf.bytes).toBe(fs.statSync(file).size);

    // Cover + summary + one page per question.
    expect(pdf.pages).toBe(2 + 3);
    const pages = pdfPagesText(file, pdf.pages);
    expect(pages[0]).toContain(NAME);
    expect(pages[0]).toContain('Software Engineer · Entry level');
    expect(pages[0]).toContain('2 March 2026');
    expect(pages[0]).toMatch(new RegExp(`\\b${Math.round(results.scores!.overall)}\\s+out of 100`));
    for (const [i, page] of pages.entries()) expect(page).toContain(`Page ${i + 1} of 5`);
    // The summary's bars carry each dimension's number.
    for (const [label, value] of Object.entries({
      Content: results.scores!.content,
      Communication: results.scores!.communication,
      Technical: results.scores!.technical,
      Relevance: results.scores!.relevance,
    }))
      expect(pages[1]).toMatch(new RegExp(`${label}\\s+${Math.round(value)}\\b`));
    expect(pages[1]).toContain('What to work on next');
    expect(pages[1]).toContain(results.recommendations[0]!.slice(0, 40));
    results.answers.forEach((a, i) => {
      const page = pages[2 + i]!.replace(/\s+/g, ' ');
      expect(page).toContain(`QUESTION ${i + 1} OF 3`);
      expect(page).toContain(a.question.replace(/\s+/g, ' ').slice(0, 40));
      // Fact questions show their ideal answer; story questions one example among many.
      expect(page).toContain(a.answerParts ? 'ONE EXAMPLE ANSWER' : 'IDEAL ANSWER, TO COMPARE');
      if (a.scores) {
        expect(pages[2 + i]).toMatch(new RegExp(`Overall\\s+${Math.round(a.scores.overall)}\\b`));
        expect(page).toContain(a.improvements[0]!.slice(0, 30));
      }
    });
    expect(pages[3]).toContain('Skipped: counts as 0.');
    expect(pages[4]!.replace(/\s+/g, ' ')).toContain('Fillers (marked):');

    // Fonts are embedded subsets: DejaVu for Latin, Droid Sans Fallback for 李明.
    const fonts = pdfFonts(file);
    expect(fonts).toMatch(/DejaVuSans\s.*yes\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s.*yes\s+yes/);
    expect(fonts).toMatch(/DroidSansFallback.*yes\s+yes/);
    expect(pdfText(file)).not.toContain('\uFFFD');

    const pngs = pdfToPngs(file, path.join(dir, 'png'));
    expect(pngs).toHaveLength(5);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(3000);
  });

  it('shows each follow-up question under its answer, with the reply and its verdict', async () => {
    const profileId = (await app.call('profiles.create', { name: 'Ana' })).id;
    const created = await app.call('interviews.create', {
      profileId,
      roleId: 'software-engineer',
      level: 'entry',
      questionIds: ['swe-entry-04'],
      maxFollowUps: 1,
    });
    const ref = { profileId, sessionId: created.id };
    await app.call('interviews.start', ref);
    const wrong = 'JavaScript runs my code on multiple threads, one per callback in the queue.';
    const fu = (
      await app.call('interviews.answer', { ...ref, questionId: 'swe-entry-04', text: wrong })
    ).session.currentQuestion!;
    const reply = 'Sorry, JavaScript runs my code on a single thread with one call stack.';
    await app.call('interviews.answer', { ...ref, questionId: fu.id, text: reply });
    await app.jobs.whenIdle();
    const results = await app.call('results.session', ref);
    const evaluation = results.answers[0]!.followUps[0]!.evaluation!;
    const pdf = await app.call('reports.sessionPdf', ref);
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('FOLLOW-UP QUESTION 1');
    expect(text).toContain(fu.content.slice(0, 40));
    expect(text).toContain(reply);
    expect(text).toContain(
      `Follow-up: ${evaluation.gapClosed ? 'gap closed' : 'gap still open'} — ${evaluation.gapNote}`,
    );
    // The question's one score: raised by the follow-up where it helped, said once as "a → b".
    const answer = results.answers[0]!;
    if (answer.overallBeforeFollowUps !== null)
      expect(text).toContain(
        `Score ${Math.round(answer.overallBeforeFollowUps)} → ${Math.round(answer.scores!.overall)} after the follow-up answers`,
      );
    expect(text).not.toMatch(/\(content \d+\)|\(\d+\/100\)/);
  });

  it('refuses another profile’s session', async () => {
    const owner = (await app.call('profiles.create', { name: 'Ana' })).id;
    const other = (await app.call('profiles.create', { name: 'Ben' })).id;
    const results = await completeSession(app, owner, { answers: [good] });
    await expect(
      app.call('reports.sessionPdf', { profileId: other, sessionId: results.sessionId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('text helpers', () => {
  it('splits text into runs per script', () => {
    expect(splitByScript('Zoë 李明 Ł')).toEqual([
      { text: 'Zoë ', cjk: false },
      { text: '李明', cjk: true },
      { text: ' Ł', cjk: false },
    ]);
  });

  it('marks whole-word fillers only, any case', () => {
    const segs = markFillers('Um, I like it, unlikely you know', ['um', 'like', 'you know']);
    expect(segs.filter((s) => s.bold).map((s) => s.text)).toEqual(['Um', 'like', 'you know']);
    expect(segs.map((s) => s.text).join('')).toBe('Um, I like it, unlikely you know');
  });
});
