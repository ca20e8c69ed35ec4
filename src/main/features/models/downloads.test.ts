import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { startModelServer, type ModelServerOptions } from '../../testing/model-server';
import { sharedModelPath } from '../../testing/models';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { startRehearse } from '../../app/rehearse-app';
import { loadManifest } from '../../engines/models/manifest';
import { resolveInstalledModel } from '../../engines/models/resolve';

const GGUF = sharedModelPath('stories260k/stories260K.gguf');
const GGUF_SHA = '24b9e32a432a40fa27619fbfe4306859b9a5a3d197077dfa45a57864d012660a';
const GLOVE = sharedModelPath('glove-wordpiece-onnx');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A test app whose manifest points at a real HTTP server on 127.0.0.1 serving shared models. */
async function setup(
  server: ModelServerOptions = {},
  sha256 = GGUF_SHA,
  freeBytes?: (folder: string) => number,
) {
  const files = {
    'stories.gguf': GGUF,
    'glove/config.json': path.join(GLOVE, 'config.json'),
    'glove/tokenizer.json': path.join(GLOVE, 'tokenizer.json'),
    'glove/onnx/model.onnx': path.join(GLOVE, 'onnx/model.onnx'),
  };
  const http = await startModelServer(files, server);
  cleanups.push(() => http.close());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-dl-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const common = {
    description: 'test',
    license: 'MIT',
    licenseUrl: 'https://example.org/license',
    quality: 3,
    speed: 3,
    notes: '',
  };
  const manifest = loadManifest({
    formatVersion: 1,
    models: [
      {
        ...common,
        id: 'stories-260k',
        name: 'Stories 260K',
        kind: 'llm',
        ramMb: 10,
        files: [
          { path: 'stories.gguf', url: `${http.baseUrl}/stories.gguf`, size: 1185280, sha256 },
        ],
      },
      {
        ...common,
        id: 'glove-embeddings',
        name: 'GloVe',
        kind: 'embeddings',
        ramMb: 10,
        pinOnFirstDownload: true,
        files: ['config.json', 'tokenizer.json', 'onnx/model.onnx'].map((p) => ({
          path: p,
          url: `${http.baseUrl}/glove/${p}`,
          size: fs.statSync(path.join(GLOVE, p)).size,
          sha256: null,
        })),
      },
    ],
  });
  const app = await createTestApp({
    dataDir,
    models: {
      manifest,
      env: {},
      tuning: { backoffMs: 10, progressIntervalMs: 0, ...(freeBytes && { freeBytes }) },
    },
  });
  cleanups.push(() => app.close());
  const events: EventPayload<'model.download'>[] = [];
  app.events.on('model.download', (e) => events.push(e));
  return { app, http, dataDir, events };
}

/** Where the server stalls the first response, so a pause or cancel always lands mid-download. */
const STALL_AT = 256 * 1024;

/** Resolves once a few chunks arrived (so the first ones are surely written to the .part). */
const firstBytes = (app: TestApp) =>
  new Promise<void>((resolve) => {
    const off = app.events.on('model.download', (e) => {
      if (e.bytes >= 96 * 1024) {
        off();
        resolve();
      }
    });
  });

describe('model downloads (persisted jobs)', () => {
  it('downloads through the contract with progress, speed and ETA, then resolves it', async () => {
    // Paced, not waited on: speed and ETA are measured over at least 200 ms of real time.
    const { app, dataDir, events } = await setup({ chunkBytes: 128 * 1024, chunkDelayMs: 60 });
    const progress: EventPayload<'job.progress'>[] = [];
    app.events.on('job.progress', (e) => progress.push(e));
    const { jobId } = await app.call('models.download', { modelId: 'stories-260k' });
    await app.modelJobs.whenIdle();
    expect((await app.jobs.get(jobId)).status).toBe('done');
    expect(events.at(-1)).toMatchObject({ bytes: 1185280, total: 1185280, etaSeconds: 0 });
    expect(events.some((e) => e.bytesPerSecond > 0 && e.etaSeconds! > 0)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ jobId, step: 'downloading', current: 1185280 });
    const list = await app.call('models.list', {});
    const item = list.catalog.find((c) => c.entry.id === 'stories-260k')!;
    expect(item.installed).toMatchObject({ source: 'download', files: [{ sha256: GGUF_SHA }] });
    expect(item.download).toBeNull();
    expect(list.active.llm).toBe('stories-260k');
    expect(resolveInstalledModel(dataDir, 'llm', {})!.path).toBe(
      path.join(dataDir, 'models', 'llm', 'stories-260k', 'stories.gguf'),
    );
  });

  it('a multi-file model lands in one folder; unpinned hashes are recorded', async () => {
    const { app, dataDir } = await setup({ dropAfterBytes: 100_000 });
    await app.call('models.download', { modelId: 'glove-embeddings' });
    await app.modelJobs.whenIdle();
    const installed = app.models.registry.get('glove-embeddings')!;
    expect(installed.files.find((f) => f.path === 'onnx/model.onnx')!.sha256).toBe(
      'ffd79f0feb39487822c77dce3c2c4ecc87272dd08d35c06a43024d7c627748c2',
    );
    expect(resolveInstalledModel(dataDir, 'embeddings', {})!.path).toBe(
      path.join(dataDir, 'models', 'embeddings', 'glove-embeddings'),
    );
    expect((await app.call('models.verify', {}))[0]).toMatchObject({ ok: true });
  });

  it('a wrong checksum fails the job with a clear error and installs nothing', async () => {
    const { app, dataDir } = await setup({}, 'e'.repeat(64));
    const finished: EventPayload<'job.finished'>[] = [];
    app.events.on('job.finished', (e) => finished.push(e));
    const { jobId } = await app.call('models.download', { modelId: 'stories-260k' });
    await app.modelJobs.whenIdle();
    expect(finished).toEqual([
      expect.objectContaining({
        jobId,
        status: 'failed',
        error: expect.stringMatching(/damaged or not the expected file .* nothing was installed/),
      }),
    ]);
    expect(app.models.registry.list()).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'models', 'llm', 'stories-260k'))).toEqual([]);
    expect(resolveInstalledModel(dataDir, 'llm', {})).toBeNull();
  });

  it('a disk without room for the model fails before the first byte, saying how much is needed', async () => {
    const { app, http } = await setup({}, GGUF_SHA, () => 500_000);
    const { jobId } = await app.call('models.download', { modelId: 'stories-260k' });
    await app.modelJobs.whenIdle();
    expect(await app.jobs.get(jobId)).toMatchObject({
      status: 'failed',
      error:
        'Not enough disk space for Stories 260K: it needs 2 MB more and 0 MB are free. Free some space, then download it again.',
    });
    expect(http.requests).toEqual([]);
  });

  it('pause keeps the .part, resume continues it with a Range request', async () => {
    const { app, http } = await setup({ chunkBytes: 32 * 1024, stallAfterBytes: STALL_AT });
    await app.call('models.download', { modelId: 'stories-260k' });
    await firstBytes(app);
    await app.call('models.pause', { modelId: 'stories-260k' });
    const paused = (await app.call('models.list', {})).catalog[0]!.download!;
    expect(paused).toMatchObject({ status: 'paused', jobId: null, total: 1185280, error: null });
    expect(paused.bytes).toBeGreaterThan(0);
    expect(paused.bytes).toBeLessThan(1185280);
    const { jobId } = await app.call('models.resume', { modelId: 'stories-260k' });
    await app.modelJobs.whenIdle();
    expect((await app.jobs.get(jobId)).status).toBe('done');
    expect(http.requests.at(-1)!.range).toBe(`bytes=${paused.bytes}-`);
    expect(app.models.registry.get('stories-260k')!.files[0]!.sha256).toBe(GGUF_SHA);
  });

  it('cancel stops the job and deletes the partial download', async () => {
    const { app, dataDir } = await setup({ chunkBytes: 32 * 1024, stallAfterBytes: STALL_AT });
    const { jobId } = await app.call('models.download', { modelId: 'stories-260k' });
    await firstBytes(app);
    await app.call('models.cancel', { modelId: 'stories-260k' });
    expect((await app.jobs.get(jobId)).status).toBe('cancelled');
    expect(fs.existsSync(path.join(dataDir, 'models', 'llm', 'stories-260k'))).toBe(false);
    expect((await app.call('models.list', {})).catalog[0]!.download).toBeNull();
    await expect(app.call('models.pause', { modelId: 'stories-260k' })).rejects.toThrow(
      /is not downloading/,
    );
  });

  it('jobs.cancel on a download job cancels the download on its own queue', async () => {
    const { app, dataDir } = await setup({ chunkBytes: 32 * 1024, stallAfterBytes: STALL_AT });
    const { jobId } = await app.call('models.download', { modelId: 'stories-260k' });
    await firstBytes(app);
    expect(await app.call('jobs.cancel', { jobId })).toMatchObject({ status: 'cancelled' });
    await app.modelJobs.whenIdle();
    expect((await app.jobs.get(jobId)).status).toBe('cancelled');
    expect(app.models.registry.list()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'models', 'llm', 'stories-260k'))).toBe(false);
  });
});

describe('a download interrupted by closing the app', () => {
  it('continues from its .part when the app starts again', async () => {
    const http = await startModelServer(
      { 'stories.gguf': GGUF },
      { chunkBytes: 32 * 1024, stallAfterBytes: STALL_AT },
    );
    cleanups.push(() => http.close());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-dl-restart-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const manifest = loadManifest({
      formatVersion: 1,
      models: [
        {
          id: 'stories-260k',
          name: 'Stories 260K',
          kind: 'llm',
          description: 'test',
          license: 'MIT',
          licenseUrl: 'https://example.org/license',
          ramMb: 10,
          quality: 3,
          speed: 3,
          notes: '',
          files: [
            {
              path: 'stories.gguf',
              url: `${http.baseUrl}/stories.gguf`,
              size: 1185280,
              sha256: GGUF_SHA,
            },
          ],
        },
      ],
    });
    const open = () =>
      startRehearse({
        dataDir,
        transport: 'web',
        builtinPacks: [],
        engines: { embeddingModelDir: null, grammar: false, linguistics: false },
        models: { manifest, env: {}, tuning: { progressIntervalMs: 0 } },
      });
    const first = await open();
    const { jobId } = (await first.registry.invoke('models.download', {
      modelId: 'stories-260k',
    })) as { jobId: string };
    await new Promise<void>((resolve) => {
      const off = first.events.on('model.download', (e) => {
        if (e.bytes >= 96 * 1024) {
          off();
          resolve();
        }
      });
    });
    await first.close(); // as when the laptop lid closes: the job row stays 'running'
    const partBytes = fs.statSync(
      path.join(dataDir, 'models', 'llm', 'stories-260k', 'stories.gguf.part'),
    ).size;
    expect(partBytes).toBeGreaterThan(0);

    const second = await open();
    cleanups.push(() => second.close());
    await second.modelJobs.whenIdle();
    expect((await second.modelJobs.get(jobId)).status).toBe('done');
    expect(http.requests.at(-1)!.range).toBe(`bytes=${partBytes}-`);
    expect(resolveInstalledModel(dataDir, 'llm', {})!.sha256).toBe(GGUF_SHA);
  });
});
