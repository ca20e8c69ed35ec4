import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { ModelService } from '../../features/models/model-service';
import { ModelRegistry } from './registry';
import { resolveInstalledModel, SHIPPED_MODELS_ENV } from './resolve';

// The stand-in models (small, real files) in the shared folder, read in place or copied to temp.
const SHARED = path.resolve(import.meta.dirname, '../../../../../shared/models');
const GGUF = path.join(SHARED, 'stories260k/stories260K.gguf');
const WHISPER = path.join(SHARED, 'whisper-test/ggml-tiny-random.bin');
const VAD = path.join(SHARED, 'whisper-test/for-tests-silero-v6.2.0-ggml.bin');

let tmp: string;
let shipped: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;

function copy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** Everything under a folder with its size and mtime: what "nothing was written" compares. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((d) => {
      const file = path.join(d.parentPath, d.name);
      const stat = fs.statSync(file);
      return `${path.relative(dir, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

function setWritable(dir: string, writable: boolean): void {
  for (const d of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (d.isDirectory()) fs.chmodSync(path.join(d.parentPath, d.name), writable ? 0o755 : 0o555);
  fs.chmodSync(dir, writable ? 0o755 : 0o555);
}

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-shipped-'));
  shipped = path.join(tmp, 'resources', 'models');
  dataDir = path.join(tmp, 'data');
  // A lab's preload: one model filed by the model manager (installed.json), two placed by hand,
  // and a file in the wrong kind's folder that must be passed over.
  const whisperRel = 'whisper/tiny-random/ggml-tiny-random.bin';
  copy(WHISPER, path.join(shipped, whisperRel));
  copy(GGUF, path.join(shipped, 'llm/stories260K.gguf'));
  copy(WHISPER, path.join(shipped, 'vad/a-whisper-model-by-mistake.bin'));
  copy(VAD, path.join(shipped, 'vad/silero.bin'));
  new ModelRegistry({ root: shipped }).add({
    id: 'tiny-random',
    kind: 'whisper',
    name: 'Tiny random Whisper',
    source: 'import',
    manifestId: null,
    path: whisperRel,
    files: [
      {
        path: 'ggml-tiny-random.bin',
        size: fs.statSync(WHISPER).size,
        sha256: createHash('sha256').update(fs.readFileSync(WHISPER)).digest('hex'),
      },
    ],
    installedAt: '2026-01-01T00:00:00.000Z',
  });
  fs.copyFileSync(path.join(SHARED, 'README.md'), path.join(shipped, 'README.md'));
  setWritable(shipped, false);
  fs.mkdirSync(dataDir);
  env = { [SHIPPED_MODELS_ENV]: shipped };
});
afterEach(() => {
  setWritable(shipped, true);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('models shipped with the installer', () => {
  it('are found when the data folder has none, by registry record or by format', () => {
    expect(resolveInstalledModel(dataDir, 'whisper', env)).toMatchObject({
      id: 'tiny-random',
      path: path.join(shipped, 'whisper/tiny-random/ggml-tiny-random.bin'),
      source: 'shipped',
    });
    expect(resolveInstalledModel(dataDir, 'whisper', env)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveInstalledModel(dataDir, 'llm', env)).toMatchObject({
      path: path.join(shipped, 'llm/stories260K.gguf'),
      source: 'shipped',
      sha256: null,
    });
    // The Whisper file in vad/ is not a VAD model; the Silero file after it is.
    expect(resolveInstalledModel(dataDir, 'vad', env)?.path).toBe(
      path.join(shipped, 'vad/silero.bin'),
    );
    expect(resolveInstalledModel(dataDir, 'embeddings', env)).toBeNull();
    // Without the shipped folder set, nothing.
    expect(resolveInstalledModel(dataDir, 'llm', {})).toBeNull();
  });

  it('give way to the person’s own models and to the environment', () => {
    const registry = new ModelRegistry(dataDir);
    copy(GGUF, path.join(registry.root, 'llm/mine/mine.gguf'));
    registry.add({
      id: 'mine',
      kind: 'llm',
      name: 'Mine',
      source: 'custom',
      manifestId: null,
      path: 'llm/mine/mine.gguf',
      files: [{ path: 'mine.gguf', size: fs.statSync(GGUF).size, sha256: '0'.repeat(64) }],
      installedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(resolveInstalledModel(dataDir, 'llm', env)?.id).toBe('mine');
    // A VAD file dropped into the data folder by hand: the engine's own fallback finds it.
    copy(VAD, path.join(dataDir, 'models/vad/own.bin'));
    expect(resolveInstalledModel(dataDir, 'vad', env)).toBeNull();
    expect(
      resolveInstalledModel(dataDir, 'whisper', { ...env, REHEARSE_WHISPER_MODEL: WHISPER }),
    ).toMatchObject({ source: 'env', path: WHISPER });
  });

  it('show as active in the model manager, which never writes to their folder', async () => {
    const before = snapshot(shipped);
    const models = new ModelService({ dataDir, clock: new FakeClock(), env });
    const list = await models.list();
    expect(list.active).toMatchObject({ whisper: 'tiny-random', llm: 'stories260K.gguf' });
    await expect(models.delete('tiny-random')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await models.verify()).toEqual([]);
    expect(snapshot(shipped)).toEqual(before);
  });
});
