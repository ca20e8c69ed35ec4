// Builds better-sqlite3 for Electron's ABI into native/better-sqlite3-abi<N>/, beside (never over)
// the Node build that npm installed, then checks the result registers for that ABI. Always
// rebuilds, unless --if-needed and a build that passes the check is there. Needs Electron's
// headers (node-gyp fetches them from electronjs.org) and a C++ toolchain: a release machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { addonHasAbi, NATIVE_DIR, sqliteFolderName } from '../src/main/storage/native-binding';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
// node-abi (electron-builder's) maps an Electron version to its ABI number.
const abi = (require('node-abi') as { getAbi(v: string, runtime: string): string }).getAbi(
  electronVersion,
  'electron',
);
const arch = process.env['npm_config_arch'] ?? process.arch;
const target = path.join(ROOT, NATIVE_DIR, sqliteFolderName(abi), 'better_sqlite3.node');

if (process.argv.includes('--if-needed') && fs.existsSync(target) && addonHasAbi(target, abi)) {
  console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${abi}): ${target}`);
  process.exit(0);
}

// Built in a copy, so the Node build in node_modules is never touched.
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-sqlite-electron-'));
try {
  fs.cpSync(source, work, {
    recursive: true,
    filter: (file) => !file.startsWith(path.join(source, 'build')),
  });
  execFileSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!addonHasAbi(built, abi))
    throw new Error(`${built} was built, but not for ABI ${abi} (Electron ${electronVersion}).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  console.log(`Built better-sqlite3 for Electron ${electronVersion} (ABI ${abi}): ${target}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
