// Model manager figures for `npm run bench`: how fast a model file is hashed, downloaded (over
// loopback, so this measures our own overhead: streaming, .part writes, the final sha256) and
// imported, and how long an engine waits to learn which model to load.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/main/platform/clock';
import { downloadFile } from '../src/main/engines/models/downloader';
import { sha256File } from '../src/main/engines/models/file-hash';
import { ModelService } from '../src/main/features/models/model-service';
import { resolveInstalledModel } from '../src/main/engines/models/resolve';
import { startModelServer } from '../src/main/testing/model-server';
import { sharedModelPath } from '../src/main/testing/models';

const SIZE_MB = 64;

export async function modelManagerBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-models-'));
  try {
    const source = path.join(dir, 'model.bin');
    const data = randomBytes(SIZE_MB * 1024 * 1024);
    fs.writeFileSync(source, data);
    const sha256 = createHash('sha256').update(data).digest('hex');

    let t = performance.now();
    await sha256File(source);
    const hashMs = performance.now() - t;

    const server = await startModelServer({ 'model.bin': source }, { chunkBytes: 1024 * 1024 });
    t = performance.now();
    await downloadFile({
      url: `${server.baseUrl}/model.bin`,
      dest: path.join(dir, 'downloaded.bin'),
      size: data.length,
      sha256,
      signal: new AbortController().signal,
    });
    const downloadMs = performance.now() - t;
    await server.close();

    const dataDir = path.join(dir, 'data');
    const models = new ModelService({ dataDir, clock: systemClock, env: {} });
    t = performance.now();
    await models.importFrom(sharedModelPath('whisper-test'), 'whisper');
    const importMs = performance.now() - t;
    const importedMB =
      models.registry.list().reduce((s, m) => s + m.files.reduce((a, f) => a + f.size, 0), 0) / 1e6;

    t = performance.now();
    for (let i = 0; i < 100; i++) resolveInstalledModel(dataDir, 'whisper', {});
    const resolveMs = (performance.now() - t) / 100;

    const mbps = (ms: number) => Math.round((SIZE_MB * 1000) / ms);
    return {
      targets: {
        hashMBps: '>= 150 (a 2 GB LLM verifies in under 15 s)',
        loopbackDownloadMBps: '>= 50 (never the bottleneck of a real connection)',
        resolveMs: '< 5 (called by every engine at start)',
      },
      hashMBps: mbps(hashMs),
      loopbackDownloadMBps: mbps(downloadMs),
      importWhisperTestFolder: {
        ms: Math.round(importMs),
        copiedMB: Math.round(importedMB * 10) / 10,
      },
      resolveMs: Math.round(resolveMs * 100) / 100,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
