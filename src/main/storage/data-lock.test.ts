import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRehearse } from '../app/rehearse-app';
import { AppError } from '../platform/errors';
import { acquireDataLock, DATA_OWNER_FILE } from './data-lock';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-lock-'));
  dirs.push(dir);
  return dir;
}

const quiet = {
  transport: 'web' as const,
  builtinPacks: [],
  engines: { embeddingModelDir: null, grammar: false, linguistics: false },
  speechModels: { whisper: null, vad: null },
};

/** Starts a Node process that takes the lock on `dataDir` and holds it until killed. */
async function holderProcess(dataDir: string) {
  const script = [
    `const { acquireDataLock } = await import(${JSON.stringify(path.join(ROOT, 'src/main/storage/data-lock.ts'))});`,
    `acquireDataLock(${JSON.stringify(dataDir)}, { transport: 'electron' });`,
    `console.log('locked');`,
    `setInterval(() => undefined, 1 << 30);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('locked');
  return child;
}

describe('one owner per data folder', () => {
  it('refuses a second start on the folder and leaves running jobs and the first app alone', async () => {
    const dataDir = tempDir();
    const first = await startRehearse({ dataDir, ...quiet });
    try {
      await first.jobs.stop();
      await first.context.db
        .insertInto('jobs')
        .values({
          id: 'job-1',
          type: 'score-answer',
          payload: '{}',
          status: 'running',
          attempts: 1,
          max_attempts: 3,
          error: null,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();

      const second = startRehearse({ dataDir, ...quiet });
      await expect(second).rejects.toBeInstanceOf(AppError);
      await expect(second).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(second).rejects.toThrow(
        `Rehearse's data folder ${dataDir} is in use by another Rehearse (\`npm run web\` or the \`rehearse\` command) (process ${process.pid}`,
      );
      const job = await first.context.db
        .selectFrom('jobs')
        .select('status')
        .where('id', '=', 'job-1')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('running');
    } finally {
      await first.close();
    }
    // Closing gives the folder up.
    const again = await startRehearse({ dataDir, ...quiet });
    await again.close();
    expect(fs.existsSync(path.join(dataDir, DATA_OWNER_FILE))).toBe(false);
  });

  it('refuses the CLI while another process owns the folder, and takes over after a kill -9', async () => {
    const dataDir = tempDir();
    const holder = await holderProcess(dataDir);
    try {
      expect(() => acquireDataLock(dataDir, { transport: 'web' })).toThrow(
        `in use by the Rehearse desktop app (process ${holder.pid} on ${os.hostname()}`,
      );
      const cli = spawn(process.execPath, [path.join(ROOT, 'bin/rehearse.mjs'), 'bank', 'stats'], {
        env: { ...process.env, REHEARSE_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(cli, 'exit')) as [number];
      expect(code).toBe(1);
      expect(stderr).toContain(`is in use by the Rehearse desktop app (process ${holder.pid}`);
      expect(fs.existsSync(path.join(dataDir, 'rehearse.db'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    // The killed owner left its files behind; its lock went with the process.
    expect(fs.existsSync(path.join(dataDir, DATA_OWNER_FILE))).toBe(true);
    const lock = acquireDataLock(dataDir, { transport: 'web' });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, DATA_OWNER_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      transport: 'web',
    });
    lock.release();
  }, 60_000);
});
