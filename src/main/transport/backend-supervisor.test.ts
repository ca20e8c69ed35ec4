// The backend as a real Node child process with a real SQLite database in a temp folder: what the
// HTTP server and the Electron shell rely on when the services run apart from them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, HandlerName, Input, Output } from '../../shared/contract';
import { acquireDataLock } from '../storage/data-lock';
import { BACKEND_RESTARTED_MESSAGE, BackendSupervisor } from './backend-supervisor';
import { startLocalServer } from './http/local-server';
import { nodeBackendSpawner } from './node-backend-spawner';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-backend-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startBackend(
  dataDir: string,
  options: { maxQuickCrashes?: number } = {},
): Promise<BackendSupervisor> {
  const supervisor = await BackendSupervisor.start({
    spawn: nodeBackendSpawner({ env: { ...process.env, REHEARSE_DATA_DIR: dataDir } }),
    // Every crash in these tests comes seconds after a start: all count as quick ones.
    quickCrashMs: 10 * 60_000,
    ...options,
  });
  cleanups.push(() => supervisor.close());
  return supervisor;
}

function call<K extends HandlerName>(
  backend: BackendSupervisor,
  name: K,
  input: Input<K>,
): Promise<Output<K>> {
  return backend.invoke(name, input) as Promise<Output<K>>;
}

/** Resolves with the payload of the first `event` that `match` accepts. */
function nextEvent<E extends EventName>(
  backend: BackendSupervisor,
  event: E,
  match: (payload: EventPayload<E>) => boolean = () => true,
): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const stop = backend.onAny((name, payload) => {
      if (name === event && match(payload as EventPayload<E>)) {
        stop();
        resolve(payload as EventPayload<E>);
      }
    });
  });
}

describe('the backend in its own process', () => {
  it('answers the contract, saves exports and serves the HTTP transport', async () => {
    const dataDir = tempDataDir();
    const backend = await startBackend(dataDir);
    expect(backend.pid).not.toBe(process.pid);
    expect(backend.dataDir).toBe(dataDir);
    const info = await call(backend, 'app.info', {});
    expect(info).toMatchObject({ dataDir, transport: 'web' });
    // The backend holds the data folder, not this process.
    expect(() => acquireDataLock(dataDir, { transport: 'web' })).toThrow(/in use|owned|open/i);
    await expect(call(backend, 'profiles.create', { name: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    const target = path.join(dataDir, 'saved.rehearse-pack.json');
    const saved = await backend.save('packs.export', { roleIds: ['data-analyst'] }, () =>
      Promise.resolve(target),
    );
    expect(saved).toMatchObject({ ok: true, result: { saved: true, path: target } });
    const pack = JSON.parse(fs.readFileSync(target, 'utf8')) as { questions: unknown[] };
    expect(pack.questions.length).toBeGreaterThan(0);

    const server = await startLocalServer({ registry: backend, events: backend });
    cleanups.push(() => server.close());
    const response = await fetch(`${server.origin}/api/invoke/profiles.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', level: 'senior' }),
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as { result: { id: string } };
    const profiles = await call(backend, 'profiles.list', {});
    expect(profiles.map((p) => p.id)).toContain(created.result.id);

    // A clean shutdown gives the data folder up.
    await backend.close();
    acquireDataLock(dataDir, { transport: 'web' }).release();
  });

  it('restarts after kill -9 mid-job: the job runs again and finishes, the call in flight says why', async () => {
    const dataDir = tempDataDir();
    const backend = await startBackend(dataDir, { maxQuickCrashes: 2 });
    const profile = await call(backend, 'profiles.create', { name: 'Chen', level: 'intermediate' });
    const created = await call(backend, 'interviews.create', {
      profileId: profile.id,
      roleId: 'data-analyst',
      level: 'intermediate',
      questionCount: 3,
      seed: 3,
    });
    const state = await call(backend, 'interviews.start', {
      profileId: profile.id,
      sessionId: created.id,
    });

    // The scoring job reports 'loading' as it starts; its first evaluation then loads the
    // engines (language worker, vocabulary), which takes far longer than stopping the process.
    // Were it ever done first, the attempt count below would say so.
    const scoring = nextEvent(
      backend,
      'job.progress',
      (p) => p.type === 'score-answer' && p.step === 'loading',
    );
    const answered = await call(backend, 'interviews.answer', {
      profileId: profile.id,
      sessionId: created.id,
      questionId: state.currentQuestion!.id,
      text: 'I cleaned the data, checked for duplicates and nulls, then built a dashboard.',
    });
    const { jobId } = await scoring;
    expect(jobId).toBe(answered.jobId);
    const pid = backend.pid!;
    const restarted = nextEvent(backend, 'backend.restarted');
    const finished = nextEvent(backend, 'job.finished', (p) => p.jobId === jobId);
    // Stopped first, so the call below is certainly still unanswered when the process dies.
    process.kill(pid, 'SIGSTOP');
    const inFlight = call(backend, 'app.info', {});
    process.kill(pid, 'SIGKILL');

    await expect(inFlight).rejects.toMatchObject({ message: BACKEND_RESTARTED_MESSAGE });
    // A call made while the backend restarts waits for the new one.
    const afterRestart = call(backend, 'jobs.get', { jobId });
    expect(await restarted).toEqual({ reason: 'it was stopped by SIGKILL', restarts: 1 });
    expect(backend.pid).not.toBe(pid);
    expect((await afterRestart).id).toBe(jobId);

    expect(await finished).toMatchObject({ status: 'done' });
    // Attempt 1 died with the process; the restarted queue ran it again.
    expect(await call(backend, 'jobs.get', { jobId })).toMatchObject({
      status: 'done',
      attempts: 2,
    });
    const results = await call(backend, 'results.session', {
      profileId: profile.id,
      sessionId: created.id,
    });
    expect(results.answers[0]?.status).toBe('scored');

    // A second quick crash in a row is one too many here: it gives up and says so.
    process.kill(backend.pid!, 'SIGKILL');
    await expect(call(backend, 'app.info', {})).rejects.toMatchObject({
      message: expect.stringMatching(/keeps stopping/) as unknown,
    });
  });

  it('reports why it cannot start when the data folder is in use', async () => {
    const dataDir = tempDataDir();
    const lock = acquireDataLock(dataDir, { transport: 'electron' });
    cleanups.push(() => lock.release());
    await expect(
      BackendSupervisor.start({
        spawn: nodeBackendSpawner({ env: { ...process.env, REHEARSE_DATA_DIR: dataDir } }),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
