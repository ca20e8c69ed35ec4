import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelImportReport, ModelList } from '../../../shared/contract/models';
import { runCliIn } from '../../testing/cli-harness';
import { sharedModelPath } from '../../testing/models';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-models-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('rehearse models', () => {
  it('list shows the manifest with nothing installed and a recommendation per kind', async () => {
    const { code, stdout } = await runCliIn(tempDir(), ['models', 'list', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as ModelList;
    expect(list.catalog.length).toBeGreaterThanOrEqual(6);
    expect(list.catalog.every((c) => c.installed === null)).toBe(true);
    expect(list.recommendations.map((r) => r.kind).sort()).toEqual([
      'embeddings',
      'llm',
      'vad',
      'whisper',
    ]);
    // A partial download left on disk shows as paused, even without the app running.
    const dataDir = tempDir();
    const folder = path.join(dataDir, 'models', 'whisper', 'whisper-base.en');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'ggml-base.en.bin.part'), Buffer.alloc(14_796_422));
    const text = await runCliIn(dataDir, ['models', 'list']);
    expect(text.stdout).toMatch(/whisper-base\.en\s+whisper\s+148 MB\s+RAM\s+500 MB\s+paused 10%/);
    expect(text.stdout).toMatch(/Llama 3\.2 Community License/);
  });

  it('import DIR, then list and verify; a wrong --kind file fails with exit 1', async () => {
    const dataDir = tempDir();
    const imported = await runCliIn(dataDir, [
      'models',
      'import',
      sharedModelPath('whisper-test'),
      '--json',
    ]);
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.stdout) as ModelImportReport).installed).toEqual([
      { id: 'silero-vad-v6.2.0', kind: 'vad', source: 'import' },
    ]);
    const custom = await runCliIn(dataDir, [
      'models',
      'import',
      sharedModelPath('stories260k'),
      '--kind',
      'llm',
    ]);
    expect(custom.stdout).toMatch(/Installed custom-llm-stories260k \(llm, custom\)/);
    expect(custom.stdout).toMatch(/Not used: .*stories260K\.bin: stories260K\.bin is not a GGUF/);

    const list = JSON.parse(
      (await runCliIn(dataDir, ['models', 'list', '--json'])).stdout,
    ) as ModelList;
    expect(list.active).toMatchObject({ vad: 'silero-vad-v6.2.0', llm: 'custom-llm-stories260k' });
    const verify = await runCliIn(dataDir, ['models', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/ok {4}silero-vad-v6\.2\.0/);

    const wrong = await runCliIn(dataDir, [
      'models',
      'import',
      sharedModelPath('whisper-test/jfk.wav'),
      '--kind',
      'whisper',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/jfk\.wav is not a whisper\.cpp ggml model/);
    expect((await runCliIn(dataDir, ['models', 'delete', 'custom-llm-stories260k'])).code).toBe(0);
    expect((await runCliIn(dataDir, ['models', 'list'])).stdout).not.toMatch(/custom-llm/);
  });

  it('download names an unknown model; usage errors exit 2', async () => {
    const dataDir = tempDir();
    const unknown = await runCliIn(dataDir, ['models', 'download', 'no-such-model']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Model "no-such-model" was not found/);
    expect((await runCliIn(dataDir, ['models', 'import'])).code).toBe(2);
    expect((await runCliIn(dataDir, ['models', 'list', '--kind', 'nope'])).code).toBe(2);
  });
});
