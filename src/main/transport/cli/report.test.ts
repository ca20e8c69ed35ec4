import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../testing/cli-harness';
import { pdfText, pdfToPngs } from '../../testing/pdf-tools';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-report-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliIn(dataDir, args);
const today = new Date().toISOString().slice(0, 10);

async function practise(): Promise<{ sessionId: string; overall: number }> {
  const answers = path.join(dataDir, 'answers.json');
  fs.writeFileSync(
    answers,
    JSON.stringify([
      'I would first clarify the requirements with the stakeholders, then write tests and review the code.',
      'When our deploy failed I led the rollback, found the root cause in a config change and added a check; incidents fell by 40%.',
    ]),
  );
  const run = await cli([
    'practice',
    '--role',
    'software-engineer',
    '--level',
    'entry',
    '--answers',
    answers,
    '--profile',
    'Zoë Łukasiewicz 李明',
    '--json',
  ]);
  expect(run.code).toBe(0);
  const results = JSON.parse(run.stdout) as { sessionId: string; scores: { overall: number } };
  return { sessionId: results.sessionId, overall: results.scores.overall };
}

describe('rehearse report', () => {
  it('writes a session report and a progress report as PDF files', async () => {
    const { sessionId, overall } = await practise();
    const out = path.join(dataDir, 'session.pdf');
    const session = await cli(['report', sessionId, '--pdf', out]);
    expect(session).toMatchObject({ code: 0, stdout: `Wrote ${out} (4 pages).\n` });
    const text = pdfText(out);
    expect(text).toContain('Zoë Łukasiewicz 李明');
    expect(text).toMatch(new RegExp(`\\b${Math.round(overall)}\\s+out of 100`));

    const progressOut = path.join(dataDir, 'progress.pdf');
    const progress = await cli([
      'report',
      '--progress',
      '--from',
      '2020-01-01',
      '--to',
      today,
      '--pdf',
      progressOut,
    ]);
    expect(progress.code).toBe(0);
    const progressText = pdfText(progressOut);
    expect(progressText).toContain('PROGRESS REPORT');
    expect(progressText).toContain('1 completed interview.');
    expect(progressText).toMatch(new RegExp(`Overall\\s+${Math.round(overall)}\\b`));
    expect(progressText).toContain('Scores over time (per month)');
    expect(progressText).toContain('no spoken answers yet');
    expect(progressText).toContain('Interviews in this period');
    expect(pdfToPngs(progressOut, path.join(dataDir, 'png')).length).toBeGreaterThanOrEqual(3);
  });

  it('explains bad usage and unknown sessions', async () => {
    expect((await cli(['report', 'x'])).code).toBe(2);
    expect(
      (await cli(['report', '--progress', '--from', '2026-01-01', '--pdf', 'x.pdf'])).code,
    ).toBe(2);
    const missing = await cli(['report', 'nope', '--pdf', path.join(dataDir, 'x.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no interview "nope"');
  });
});

describe('rehearse export', () => {
  it('writes the profile’s archive', async () => {
    await practise();
    const out = path.join(dataDir, 'export.zip');
    const run = await cli(['export', '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('1 interviews, 2 answers, 0 recordings');
    expect(fs.readFileSync(out).subarray(0, 4).toString('hex')).toBe('504b0304');
  });
});
