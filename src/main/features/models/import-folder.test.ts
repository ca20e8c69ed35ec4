import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { sharedModelPath } from '../../testing/models';
import { sha256File } from '../../engines/models/file-hash';
import { checkModelFormat } from '../../engines/models/formats';
import { ModelService } from './model-service';
import { resolveInstalledModel } from '../../engines/models/resolve';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-models-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const service = (dataDir: string) => new ModelService({ dataDir, clock: systemClock, env: {} });
const SILERO = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');
const GGUF = sharedModelPath('stories260k/stories260K.gguf');

describe('import from a folder', () => {
  it('recognises a manifest model by size then sha256, copies it in and resolves it', async () => {
    const dataDir = tempDir();
    const models = service(dataDir);
    const report = await models.importFrom(sharedModelPath('whisper-test'));
    expect(report.installed).toEqual([{ id: 'silero-vad-v6.2.0', kind: 'vad', source: 'import' }]);
    expect(report.scannedFiles).toBeGreaterThanOrEqual(5);
    const resolved = resolveInstalledModel(dataDir, 'vad', {});
    expect(resolved).toMatchObject({ id: 'silero-vad-v6.2.0', source: 'import' });
    expect(resolved!.path).toBe(
      path.join(dataDir, 'models', 'vad', 'silero-vad-v6.2.0', 'ggml-silero-v6.2.0.bin'),
    );
    expect(await sha256File(resolved!.path)).toBe(await sha256File(SILERO));
    expect(fs.readdirSync(path.dirname(resolved!.path))).toEqual(['ggml-silero-v6.2.0.bin']);
    // Importing the same folder again copies nothing.
    const again = await models.importFrom(sharedModelPath('whisper-test'));
    expect(again).toMatchObject({ installed: [], alreadyInstalled: ['silero-vad-v6.2.0'] });
    // An environment variable still wins.
    expect(resolveInstalledModel(dataDir, 'vad', { REHEARSE_VAD_MODEL: SILERO })).toMatchObject({
      source: 'env',
      path: SILERO,
    });
  });

  it('adds a custom GGUF language model after checking its magic', async () => {
    const dataDir = tempDir();
    const models = service(dataDir);
    const report = await models.importFrom(GGUF, 'llm');
    expect(report.installed).toEqual([
      { id: 'custom-llm-stories260k', kind: 'llm', source: 'custom' },
    ]);
    const resolved = resolveInstalledModel(dataDir, 'llm', {})!;
    expect(
      resolved.path.endsWith(path.join('llm', 'custom-llm-stories260k', 'stories260K.gguf')),
    ).toBe(true);
    expect(resolved.sha256).toBe(
      '24b9e32a432a40fa27619fbfe4306859b9a5a3d197077dfa45a57864d012660a',
    );
    const list = await models.list();
    expect(list.custom.map((m) => m.id)).toEqual(['custom-llm-stories260k']);
    expect(list.active.llm).toBe('custom-llm-stories260k');
  });

  it('rejects a wrong file naming it and what was expected; nothing is installed', async () => {
    const dataDir = tempDir();
    const models = service(dataDir);
    await expect(models.importFrom(SILERO, 'llm')).rejects.toThrow(
      /for-tests-silero-v6\.2\.0-ggml\.bin is not a GGUF model \(a language model file starts with "GGUF"; this one starts with "lmgg"\)/,
    );
    await expect(models.importFrom(GGUF, 'whisper')).rejects.toThrow(
      /stories260K\.gguf is not a whisper\.cpp ggml model/,
    );
    await expect(models.importFrom(GGUF)).rejects.toThrow(/say which kind it is/);
    expect(models.registry.list()).toEqual([]);
    expect(resolveInstalledModel(dataDir, 'llm', {})).toBeNull();
  });

  it('with --kind whisper: adds ggml whisper files, reports the VAD file as not whisper', async () => {
    const dataDir = tempDir();
    const report = await service(dataDir).importFrom(sharedModelPath('whisper-test'), 'whisper');
    expect(report.installed.map((m) => m.id).sort()).toEqual([
      'custom-whisper-for-tests-ggml-tiny.en',
      'custom-whisper-ggml-tiny-random',
    ]);
    expect(report.rejected).toEqual([
      {
        path: SILERO,
        reason: expect.stringMatching(/is a voice-activity \(VAD\) model, not a Whisper/),
      },
    ]);
  });

  it('an ONNX folder imports as a custom embedding model and the evaluator finds it', async () => {
    const dataDir = tempDir();
    const report = await service(dataDir).importFrom(
      sharedModelPath('glove-wordpiece-onnx'),
      'embeddings',
    );
    expect(report.installed).toEqual([
      { id: 'custom-embeddings-glove-wordpiece-onnx', kind: 'embeddings', source: 'custom' },
    ]);
    // Its tokenizer files are byte-identical to MiniLM's: reported as an incomplete MiniLM.
    expect(report.incomplete).toEqual([
      {
        id: 'all-minilm-l6-v2',
        missing: expect.arrayContaining(['config.json', 'onnx/model_quantized.onnx']),
      },
    ]);
    const resolved = resolveInstalledModel(dataDir, 'embeddings', {})!;
    expect(checkModelFormat(resolved.path, 'embeddings')).toBeNull();
    expect(fs.existsSync(path.join(resolved.path, 'onnx', 'model.onnx'))).toBe(true);
    expect(checkModelFormat(GGUF, 'embeddings')).toMatch(
      /is a file; an embedding model is a folder/,
    );
  });

  it('setActive picks among installed models; delete removes files and record', async () => {
    const dataDir = tempDir();
    const models = service(dataDir);
    await models.importFrom(sharedModelPath('whisper-test'), 'whisper');
    await models.setActive('whisper', 'custom-whisper-ggml-tiny-random');
    expect(resolveInstalledModel(dataDir, 'whisper', {})!.id).toBe(
      'custom-whisper-ggml-tiny-random',
    );
    await expect(models.setActive('llm', 'custom-whisper-ggml-tiny-random')).rejects.toThrow(
      /is a whisper model, not llm/,
    );
    await models.delete('custom-whisper-ggml-tiny-random');
    expect(
      fs.existsSync(models.registry.folderOf('whisper', 'custom-whisper-ggml-tiny-random')),
    ).toBe(false);
    expect(resolveInstalledModel(dataDir, 'whisper', {})!.id).toBe(
      'custom-whisper-for-tests-ggml-tiny.en',
    );
    const verified = await models.verify();
    expect(verified).toEqual([
      { id: 'custom-whisper-for-tests-ggml-tiny.en', ok: true, problems: [] },
    ]);
    const file = resolveInstalledModel(dataDir, 'whisper', {})!.path;
    fs.appendFileSync(file, 'x');
    expect((await models.verify())[0]).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/is 586837 bytes, expected 586836/)],
    });
  });
});
