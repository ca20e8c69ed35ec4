import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deferred } from '../testing/deferred';
import { createTestApp, type TestApp } from '../testing/test-app';
import { JobQueue } from './job-queue';
import type { JobType } from './job-types';

/** A job type known to these tests only: the queue validates against the definition's payload. */
function declared(type: string): JobType<z.ZodUnknown> {
  return { type, payload: z.unknown(), lane: 'main', maxAttempts: 1 };
}

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

describe('JobQueue', () => {
  it('retries a failing job up to maxAttempts, then marks it failed with the error', async () => {
    let runs = 0;
    app.jobs.define({
      type: 'flaky',
      lane: 'main',
      payload: z.object({ n: z.number() }),
      maxAttempts: 2,
      run: async () => {
        runs++;
        throw new Error('disk full');
      },
    });
    const finished: string[] = [];
    app.events.on('job.finished', (e) => finished.push(e.status));
    const id = await app.jobs.enqueue(declared('flaky'), { n: 1 });
    app.jobs.kick();
    await app.jobs.whenIdle();
    expect(runs).toBe(2);
    expect(await app.jobs.get(id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: 'disk full',
    });
    expect(finished).toEqual(['failed']);
  });

  it('validates payloads on enqueue and again on load', async () => {
    app.jobs.define({
      type: 'typed',
      lane: 'main',
      payload: z.object({ n: z.number() }),
      maxAttempts: 1,
      run: async () => undefined,
    });
    await expect(app.jobs.enqueue(declared('typed'), { n: 'one' })).rejects.toThrow();
    const id = await app.jobs.enqueue(declared('typed'), { n: 1 });
    await app.context.db
      .updateTable('jobs')
      .set({ payload: '{"n":"corrupted"}' })
      .where('id', '=', id)
      .execute();
    app.jobs.kick();
    await app.jobs.whenIdle();
    expect(await app.jobs.get(id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/payload is invalid/),
    });
  });

  it('reports progress and can cancel a running job', async () => {
    const progress: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    app.jobs.define({
      type: 'slow',
      lane: 'main',
      payload: z.object({}),
      maxAttempts: 1,
      run: async (_p, ctx) => {
        ctx.progress('step', 1, 2);
        running();
        await gate;
        if (ctx.signal.aborted) return;
        ctx.progress('step', 2, 2);
      },
    });
    app.events.on('job.progress', (e) => progress.push(e.current));
    const id = await app.jobs.enqueue(declared('slow'), {});
    app.jobs.kick();
    await started;
    expect((await app.jobs.get(id)).status).toBe('running');
    const cancelled = await app.call('jobs.cancel', { jobId: id });
    expect(cancelled.status).toBe('cancelled');
    release();
    await app.jobs.whenIdle();
    expect((await app.jobs.get(id)).status).toBe('cancelled');
    expect(progress).toEqual([1]);
    await expect(app.call('jobs.cancel', { jobId: id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('refuses a job type defined twice', () => {
    expect(() =>
      app.jobs.define({
        type: 'score-answer',
        lane: 'main',
        payload: z.object({}),
        maxAttempts: 1,
        run: async () => undefined,
      }),
    ).toThrow(/defined twice/);
  });
});

describe('JobQueue lanes', () => {
  it('a long job on its own lane does not hold up the main lane', async () => {
    const { db, clock, ids, events } = app.context;
    const main = new JobQueue(db, clock, ids, events, { except: ['slow'] });
    const side = new JobQueue(db, clock, ids, events, { only: ['slow'] });
    let release = () => undefined as void;
    const slowStarted = deferred();
    side.define({
      type: 'slow',
      lane: 'main',
      payload: z.object({}),
      maxAttempts: 1,
      run: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          slowStarted.resolve();
        }),
    });
    const ran: string[] = [];
    main.define({
      type: 'quick',
      lane: 'main',
      payload: z.object({}),
      maxAttempts: 1,
      run: async () => void ran.push('quick'),
    });
    const slow = await side.enqueue(declared('slow'), {});
    side.kick();
    await slowStarted.promise;
    expect((await side.get(slow)).status).toBe('running');
    await main.enqueue(declared('quick'), {});
    // Starting the main lane re-queues only its own interrupted rows, not the running download.
    await main.start();
    await main.whenIdle();
    expect(ran).toEqual(['quick']);
    expect((await main.get(slow)).status).toBe('running');
    release();
    await side.whenIdle();
    expect((await side.get(slow)).status).toBe('done');
  });

  it('runs the types of a separate lane beside the rest, in one queue that can cancel both', async () => {
    const { db, clock, ids, events } = app.context;
    const queue = new JobQueue(db, clock, ids, events, { separate: [['llm']] });
    let release = () => undefined as void;
    const ran: string[] = [];
    const llmStarted = [deferred(), deferred()];
    queue.define({
      type: 'llm',
      lane: 'main',
      payload: z.object({ n: z.number() }),
      maxAttempts: 1,
      run: ({ n }, ctx) =>
        new Promise<void>((resolve) => {
          ran.push(`llm ${n} started`);
          release = resolve;
          ctx.signal.addEventListener('abort', () => resolve());
          llmStarted[n - 1]!.resolve();
        }),
    });
    const scored = deferred();
    queue.define({
      type: 'score',
      lane: 'main',
      payload: z.object({}),
      maxAttempts: 1,
      run: async () => {
        ran.push('score');
        scored.resolve();
      },
    });
    const first = await queue.enqueue(declared('llm'), { n: 1 });
    const second = await queue.enqueue(declared('llm'), { n: 2 });
    queue.kick();
    await llmStarted[0]!.promise;
    expect((await queue.get(first)).status).toBe('running');
    await queue.enqueue(declared('score'), {});
    queue.kick();
    // The scoring job finishes while the first LLM job still runs; the second waits its turn.
    await scored.promise;
    expect(ran).toEqual(['llm 1 started', 'score']);
    expect((await queue.get(second)).status).toBe('queued');
    await queue.cancel(first);
    await llmStarted[1]!.promise;
    expect(ran).toEqual(['llm 1 started', 'score', 'llm 2 started']);
    release();
    await queue.whenIdle();
    expect((await queue.get(first)).status).toBe('cancelled');
    expect((await queue.get(second)).status).toBe('done');
  });
});
