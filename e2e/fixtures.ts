import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startRehearse,
  type RehearseApp,
  type RehearseAppOptions,
} from '../src/main/app/rehearse-app';
import { startLocalServer, type LocalServer } from '../src/main/transport/http/local-server';
import { launchChromium } from './chromium';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHOTS_DIR = path.join(ROOT, 'test-results', 'screens');

export interface E2eEnv {
  readonly app: RehearseApp;
  readonly server: LocalServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly dataDir: string;
  /** Saves a full-page screenshot under test-results/screens for a person to look at. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Each test gets its own data directory, services, server and browser profile. */
export async function startE2e(
  options: { models?: RehearseAppOptions['models']; chromiumArgs?: readonly string[] } = {},
): Promise<E2eEnv> {
  const staticDir = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-e2e-'));
  const app = await startRehearse({ dataDir, transport: 'web', ...options });
  const server = await startLocalServer({ registry: app.registry, events: app.events, staticDir });
  const browser = await launchChromium(options.chromiumArgs);
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  return {
    app,
    server,
    browser,
    page,
    dataDir,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a profile through the profile editor, from the profile picker (opening `url` first when
 * given); ends on the new profile's home screen.
 */
export async function createProfile(
  page: Page,
  profile: { name: string; roleId?: string; level?: 'entry' | 'intermediate' | 'senior' },
  url?: string,
): Promise<void> {
  if (url) await page.goto(url);
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Name').fill(profile.name);
  if (profile.roleId) await page.getByLabel('Target role').selectOption(profile.roleId);
  if (profile.level) await page.getByLabel('Level').selectOption(profile.level);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('heading', { name: `Welcome, ${profile.name}` }).waitFor();
}
