import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, Input, Output } from '../../shared/contract';
import { FakeClock, sequentialIds } from '../testing/test-app';
import { startRehearse, type RehearseApp } from './rehearse-app';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function call<K extends HandlerName>(
  app: RehearseApp,
  name: K,
  input: Input<K>,
): Promise<Output<K>> {
  return app.registry.invoke(name, input) as Promise<Output<K>>;
}

describe('resume after the app restarts mid-interview', () => {
  it('offers the session back with its draft, restarts the question clock and finishes scoring', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-restart-'));
    dirs.push(dataDir);
    const clock = new FakeClock();
    const first = await startRehearse({
      dataDir,
      transport: 'web',
      clock,
      ids: sequentialIds('a'),
    });
    const profile = await call(first, 'profiles.create', { name: 'Chen', level: 'intermediate' });
    const created = await call(first, 'interviews.create', {
      profileId: profile.id,
      roleId: 'data-analyst',
      level: 'intermediate',
      questionCount: 3,
      seed: 3,
    });
    let state = await call(first, 'interviews.start', {
      profileId: profile.id,
      sessionId: created.id,
    });
    // The queue is stopped so the scoring job is still in flight when the "crash" happens.
    await first.jobs.stop();
    const reply = await call(first, 'interviews.answer', {
      profileId: profile.id,
      sessionId: created.id,
      questionId: state.currentQuestion!.id,
      text: 'I cleaned the data, checked for duplicates and nulls, then built a dashboard.',
    });
    state = reply.session;
    await call(first, 'interviews.saveDraft', {
      profileId: profile.id,
      sessionId: created.id,
      questionId: state.currentQuestion!.id,
      text: 'My draft so far',
    });
    // Simulate a crash while the scoring job was running: the row stays "running".
    await first.context.db.updateTable('jobs').set({ status: 'running', attempts: 1 }).execute();
    first.database.sqlite.close();
    // A crashed process's data-folder lock is dropped by the OS.
    first.dataLock?.release();

    clock.advance(3600);
    const second = await startRehearse({
      dataDir,
      transport: 'web',
      clock,
      ids: sequentialIds('b'),
    });
    try {
      const resumable = await call(second, 'interviews.resumable', { profileId: profile.id });
      expect(resumable?.id).toBe(created.id);
      expect(resumable?.answeredCount).toBe(1);
      expect(resumable?.currentQuestion?.position).toBe(1);
      expect(resumable?.currentQuestion?.draft).toBe('My draft so far');
      const resumed = await call(second, 'interviews.start', {
        profileId: profile.id,
        sessionId: created.id,
      });
      expect(resumed.currentQuestion?.startedAt).toBe(clock.now().toISOString());

      await second.jobs.whenIdle();
      const job = await second.context.db
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .executeTakeFirstOrThrow();
      expect(job).toEqual({ status: 'done', attempts: 2 });
      const results = await call(second, 'results.session', {
        profileId: profile.id,
        sessionId: created.id,
      });
      expect(results.answers[0]?.status).toBe('scored');
    } finally {
      await second.close();
    }
  });
});
