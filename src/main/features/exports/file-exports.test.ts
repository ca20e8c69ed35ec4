import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { saveFileTo } from '../../platform/file-source';

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-exports-'));
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports saved to a file by the desktop shell', () => {
  it('streams the data export to the chosen path, the same archive the download gets', async () => {
    const profile = await app.call('profiles.create', { name: 'Zoë' });
    const source = await app.files.prepare('data.export', { profileId: profile.id });
    expect(source.fileName).toMatch(/^rehearse-export-zoe-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(source.summary).toEqual({ sessions: 0, answers: 0, recordings: 0 });
    const target = path.join(dir, 'mine.zip');
    const saved = await saveFileTo(source, target);
    const listing = execFileSync('unzip', ['-Z1', target]).toString().trim().split('\n');
    expect(listing).toEqual([
      'README.txt',
      'profile.json',
      'sessions.json',
      'sessions.csv',
      'answers.csv',
    ]);
    const downloaded = await app.call('data.export', { profileId: profile.id });
    expect(saved.bytes).toBe(downloaded.bytes);
  });

  it('saves a question pack as the JSON the packs.export handler returns', async () => {
    const input = { roleIds: ['data-analyst'], name: 'Analyst questions' };
    const source = await app.files.prepare('packs.export', input);
    const saved = await saveFileTo(source, path.join(dir, source.fileName));
    const handler = await app.call('packs.export', input);
    expect(fs.readFileSync(saved.path, 'utf8')).toBe(handler.text);
    expect(source.summary).toEqual({ questionCount: handler.questionCount });
    expect(handler.questionCount).toBeGreaterThan(0);
  });

  it('refuses other operations and bad input with the handler’s own checks', async () => {
    await expect(app.files.prepare('profiles.delete', {})).rejects.toMatchObject({
      code: 'UNKNOWN_HANDLER',
    });
    await expect(app.files.prepare('reports.progressPdf', { from: 'May' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      app.files.prepare('reports.sessionPdf', { profileId: 'nobody', sessionId: 'none' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
