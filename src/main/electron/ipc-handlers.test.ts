import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RendererLocation } from './window-policy';
import { createTestApp, type TestApp } from '../testing/test-app';
import { saveExport } from '../app/save-export';
import { createIpcHandlers, isTrustedSender, saveFilters, type IpcSender } from './ipc-handlers';

const where: RendererLocation = {
  rendererDirUrl: 'file:///opt/Rehearse/resources/app.asar/out/renderer/',
};
const page = `${where.rendererDirUrl}index.html#/results`;
const topLevel = (url: string): IpcSender => ({ senderFrame: { url, parent: null } });
const ours = topLevel(page);
const strangers: [string, IpcSender][] = [
  ['an iframe inside our page', { senderFrame: { url: page, parent: { url: page } } }],
  ['a web page', topLevel('https://evil.example/')],
  ['another local file', topLevel('file:///home/me/Downloads/evil.html')],
  ['a frame already gone', { senderFrame: null }],
];

let app: TestApp;
let dir: string;
let asked: string[];
let answer: string | null;
beforeEach(async () => {
  app = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-ipc-'));
  asked = [];
  answer = null;
});
afterEach(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const handlers = () =>
  createIpcHandlers({
    registry: app.registry,
    saveExport: (name, input, ask) => saveExport(app.files, name, input, ask),
    location: () => where,
    askSavePath: (fileName) => {
      asked.push(fileName);
      return Promise.resolve(answer);
    },
  });

describe('the IPC sender check', () => {
  it('answers only our own top-level page', async () => {
    expect(isTrustedSender(ours, where)).toBe(true);
    expect((await handlers().invoke(ours, 'app.info', {})).ok).toBe(true);
    for (const [what, sender] of strangers) {
      expect(isTrustedSender(sender, where), what).toBe(false);
      expect(await handlers().invoke(sender, 'app.info', {}), what).toEqual({
        ok: false,
        error: {
          code: 'UNAUTHORIZED',
          message: 'Refused: the request did not come from Rehearse.',
        },
      });
    }
  });

  it('never opens a save dialog or writes a file for a stranger', async () => {
    answer = path.join(dir, 'stolen.json');
    for (const [what, sender] of strangers) {
      const reply = await handlers().save(sender, 'packs.export', {});
      expect(reply.ok, what).toBe(false);
    }
    expect(asked).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('saving an export from the desktop window', () => {
  it('asks where, with the export’s name, and writes the file there', async () => {
    answer = path.join(dir, 'questions.json');
    const reply = await handlers().save(ours, 'packs.export', { roleIds: ['data-analyst'] });
    expect(reply.ok).toBe(true);
    const result = (reply as { result: Record<string, unknown> }).result;
    expect(asked).toEqual([result['fileName']]);
    expect(result).toMatchObject({ saved: true, path: answer });
    const saved = JSON.parse(fs.readFileSync(answer, 'utf8')) as { questions: unknown[] };
    expect(result['summary']).toEqual({ questionCount: saved.questions.length });
    expect(result['bytes']).toBe(fs.statSync(answer).size);
  });

  it('writes nothing when the person cancels, and says why when the export cannot be made', async () => {
    const cancelled = await handlers().save(ours, 'packs.export', {});
    expect(cancelled).toMatchObject({ ok: true, result: { saved: false } });
    expect(fs.readdirSync(dir)).toEqual([]);
    const missing = await handlers().save(ours, 'reports.sessionPdf', {
      profileId: 'p',
      sessionId: 's',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(asked).toHaveLength(1); // no dialog for an export that does not exist
  });

  it('offers the file type the export has', () => {
    expect(saveFilters('application/pdf')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(saveFilters('application/zip')[0]?.extensions).toEqual(['zip']);
    expect(saveFilters('text/plain')).toEqual([]);
  });
});
