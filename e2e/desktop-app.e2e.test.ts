// The desktop app itself, driven through Playwright's Electron support: launch, create a profile,
// answer an interview, export its PDF through the native save path. It needs the Electron binary
// and better-sqlite3 built for Electron (npx tsx scripts/build-native-electron.ts); where either
// is missing (this offline CI cannot download Electron) it is skipped and says why.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFolderName } from '../src/main/storage/native-binding';
import { createProfile } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');

function electronBinary(): { path: string | null; reason: string } {
  let binary: string;
  try {
    binary = createRequire(import.meta.url)('electron') as string;
  } catch (error) {
    return {
      path: null,
      reason: `no Electron binary (${(error as Error).message.split('\n')[0]})`,
    };
  }
  if (!fs.existsSync(binary)) return { path: null, reason: `no Electron binary at ${binary}` };
  const native = fs.existsSync(path.join(ROOT, 'native'))
    ? fs.readdirSync(path.join(ROOT, 'native')).filter((d) => d.startsWith(sqliteFolderName('')))
    : [];
  if (native.length === 0)
    return { path: null, reason: 'no better-sqlite3 build for Electron in native/' };
  return { path: binary, reason: '' };
}

const binary = electronBinary();
if (!binary.path) console.warn(`Skipping the desktop-app e2e: ${binary.reason}.`);

let app: ElectronApplication | undefined;
let dataDir = '';
afterEach(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!binary.path)('the desktop app', () => {
  it('interviews and saves the PDF report where the person chooses', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-desktop-'));
    app = await electron.launch({
      executablePath: binary.path!,
      args: [ROOT],
      env: { ...process.env, REHEARSE_DATA_DIR: dataDir },
    });
    const page = await app.firstWindow();
    await createProfile(page, { name: 'Zoë', roleId: 'software-engineer' });
    await page.getByRole('button', { name: 'Start a new interview' }).click();
    await page.getByLabel('Number of questions').fill('3');
    await page.getByLabel('Follow-up questions').selectOption('0');
    await page.getByRole('button', { name: 'Start interview' }).click();
    for (let i = 0; i < 3; i++) {
      await page.getByText(`Question ${i + 1} of 3`).waitFor();
      await page
        .getByLabel('Your answer')
        .fill('I profiled the slow query, added an index and measured the latency again.');
      await page.getByRole('button', { name: 'Submit answer' }).click();
    }
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor();

    // The native save dialog answers with a path, as the person would.
    const target = path.join(dataDir, 'my report.pdf');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
    }, target);
    await page.getByRole('button', { name: 'Export PDF report' }).click();
    // Written beside the target and renamed once complete, so the file appears whole.
    await expect.poll(() => fs.existsSync(target), { timeout: 30_000 }).toBe(true);
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
