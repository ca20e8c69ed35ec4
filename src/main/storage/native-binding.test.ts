import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addonHasAbi, sqliteNativeBinding } from './native-binding';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-native-'));
  dirs.push(dir);
  return dir;
}
/** Node's own better-sqlite3 build: a real addon for the ABI this test runs under. */
const nodeBuild = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build/Release/better_sqlite3.node',
);
const electron = { electron: '45.5.0', modules: '150' };

describe('which better-sqlite3 build a runtime loads', () => {
  it('under Node: the one npm installed', () => {
    expect(sqliteNativeBinding({ versions: process.versions, isPackaged: false })).toEqual({});
  });

  it('under Electron: the build for its ABI, from the project or the installed app', () => {
    const project = tempDir();
    const dev = path.join(project, 'native/better-sqlite3-abi150/better_sqlite3.node');
    fs.mkdirSync(path.dirname(dev), { recursive: true });
    fs.copyFileSync(nodeBuild, dev);
    expect(sqliteNativeBinding({ versions: electron, isPackaged: false }, project)).toEqual({
      nativeBinding: dev,
    });
    const resources = tempDir();
    const installed = path.join(resources, 'native/better-sqlite3-abi150/better_sqlite3.node');
    fs.mkdirSync(path.dirname(installed), { recursive: true });
    fs.copyFileSync(nodeBuild, installed);
    expect(
      sqliteNativeBinding(
        { versions: electron, isPackaged: true, resourcesPath: resources },
        project,
      ),
    ).toEqual({ nativeBinding: installed });
  });

  it('says how to build it when the Electron build is missing', () => {
    expect(() => sqliteNativeBinding({ versions: electron, isPackaged: false }, tempDir())).toThrow(
      /better-sqlite3 has no build for Electron 45\.5\.0 \(ABI 150\) at .*native\/better-sqlite3-abi150\/better_sqlite3\.node\. Run `npx tsx scripts\/build-native-electron\.ts`/,
    );
  });

  it('tells which ABI a compiled addon is for', () => {
    expect(addonHasAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(addonHasAbi(nodeBuild, '150')).toBe(false);
  });
});
