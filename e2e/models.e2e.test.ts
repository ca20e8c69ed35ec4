import { afterEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../src/main/engines/models/manifest';
import { startModelServer, type ModelServer } from '../src/main/testing/model-server';
import { sharedModelPath } from '../src/main/testing/models';
import { createProfile, startE2e, type E2eEnv } from './fixtures';

let env: E2eEnv | undefined;
let server: ModelServer | undefined;
afterEach(async () => {
  await env?.close();
  await server?.close();
});

describe('the Models screen', () => {
  it('downloads with progress, pauses, resumes, imports a folder and deletes', async () => {
    // A slow local server, so there is time to see the progress and to pause.
    server = await startModelServer(
      { 'stories.gguf': sharedModelPath('stories260k/stories260K.gguf') },
      { chunkBytes: 16 * 1024, chunkDelayMs: 60 },
    );
    const shipped = loadManifest();
    const manifest = loadManifest({
      formatVersion: 1,
      models: [
        {
          id: 'stories-260k',
          name: 'Stories 260K (test)',
          kind: 'llm',
          description: 'A tiny language model served from this machine.',
          license: 'MIT',
          licenseUrl: 'https://github.com/karpathy/llama2.c/blob/master/LICENSE',
          ramMb: 10,
          quality: 1,
          speed: 5,
          notes: 'For tests.',
          files: [
            {
              path: 'stories260K.gguf',
              url: `${server.baseUrl}/stories.gguf`,
              size: 1185280,
              sha256: '24b9e32a432a40fa27619fbfe4306859b9a5a3d197077dfa45a57864d012660a',
            },
          ],
        },
        ...shipped.models.filter((m) => m.kind !== 'llm'),
      ],
    });
    env = await startE2e({ models: { manifest, env: {}, tuning: { progressIntervalMs: 100 } } });
    const { page } = env;
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await createProfile(page, { name: 'Ana Costa' }, env.server.url);
    await page.getByRole('button', { name: 'Models' }).click();
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await env.shot('models-01-list');

    const row = page.locator('[data-model="stories-260k"]');
    expect(await row.innerText()).toMatch(/1 MB[\s\S]*MIT/);
    await row.getByRole('button', { name: 'Download' }).click();
    await row.getByText(/of 1 MB \(\d+%\) · \d+ kB\/s/).waitFor();
    await env.shot('models-02-downloading');
    await row.getByRole('button', { name: 'Pause' }).click();
    await row.getByText(/· paused/).waitFor();
    const pausedAt = await row.locator('progress').getAttribute('value');
    expect(Number(pausedAt)).toBeGreaterThan(0);
    expect(Number(pausedAt)).toBeLessThan(100);
    await row.getByRole('button', { name: 'Resume' }).click();
    await row.getByText('In use').waitFor({ timeout: 30_000 });
    expect(server.requests.at(-1)!.range).toMatch(/^bytes=\d+-$/);
    await env.shot('models-03-installed');

    await page.getByLabel('Folder or file').fill(sharedModelPath('whisper-test'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported: silero-vad-v6\.2\.0/).waitFor();
    const vad = page.locator('[data-model="silero-vad-v6.2.0"]');
    await vad.getByText('In use').waitFor();
    await env.shot('models-04-imported');

    await vad.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete model' }).click();
    await vad.getByRole('button', { name: 'Download' }).waitFor();
    expect(env.app.models.registry.list().map((m) => m.id)).toEqual(['stories-260k']);
    await page.getByRole('button', { name: 'Check files' }).click();
    await page.getByText('stories-260k: all files intact').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
