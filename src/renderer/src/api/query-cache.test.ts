import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, RehearseApi } from '../../../shared/contract';
import { QueryCache, queryKey, stableJson } from './query-cache';

interface Call {
  name: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** An api whose replies the test hands out one by one, in any order. */
function fakeApi() {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: RehearseApi = {
    invoke: (name, input) =>
      new Promise((resolve, reject) =>
        calls.push({ name, input, resolve: resolve as (v: unknown) => void, reject }),
      ),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { api, calls, emit, listeners };
}

/** Lets the replies handed out so far reach the cache. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const results = (sessionId: string) => ({ profileId: 'p1', sessionId });

describe('QueryCache', () => {
  it('names a query by handler and input, whatever the order of the input keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
    expect(queryKey('results.history', { profileId: 'p', limit: 5 })).toBe(
      queryKey('results.history', { limit: 5, profileId: 'p' }),
    );
    expect(queryKey('results.history', { profileId: 'p' })).not.toBe(
      queryKey('progress.stats', { profileId: 'p' }),
    );
  });

  it('asks once for a query that two screens show at the same time, and shares the answer', async () => {
    const { api, calls } = fakeApi();
    const cache = new QueryCache(api);
    const input = results('s1');
    let notified = 0;
    cache.subscribe('results.session', input, () => notified++);
    cache.subscribe('results.session', { sessionId: 's1', profileId: 'p1' }, () => notified++);
    expect(calls).toHaveLength(1);
    expect(cache.read(queryKey('results.session', input))).toMatchObject({ loading: true });

    calls[0]!.resolve({ sessionId: 's1', pendingCount: 0 });
    await settle();
    expect(cache.read(queryKey('results.session', input))).toEqual({
      data: { sessionId: 's1', pendingCount: 0 },
      error: undefined,
      loading: false,
    });
    expect(notified).toBe(2);
  });

  it('drops a slow reply that a newer request overtook, whichever arrives first', async () => {
    const { api, calls } = fakeApi();
    const cache = new QueryCache(api);
    const key = queryKey('profiles.list', {});
    cache.subscribe('profiles.list', {}, () => undefined);
    cache.refetch('profiles.list', {});
    expect(calls).toHaveLength(2);

    calls[1]!.resolve(['new']);
    await settle();
    calls[0]!.resolve(['old']);
    await settle();
    expect(cache.read(key).data).toEqual(['new']);

    // A poll while a request is out waits for that one instead of overtaking it.
    cache.refetch('profiles.list', {});
    cache.revalidate('profiles.list', {});
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(['polled']);
    await settle();
    expect(cache.read(key).data).toEqual(['polled']);

    // A mutation's reply stored with set() also overtakes a request already out.
    cache.refetch('profiles.list', {});
    cache.set('profiles.list', {}, []);
    calls[3]!.resolve(['stale']);
    await settle();
    expect(cache.read(key)).toEqual({ data: [], error: undefined, loading: false });
  });

  it('does not ask again for data a change just stored, until it is invalidated', () => {
    const { api, calls } = fakeApi();
    const cache = new QueryCache(api);
    const input = results('s1');
    cache.set('interviews.get', input, { id: 's1' } as never);
    cache.subscribe('interviews.get', input, () => undefined);
    expect(calls).toHaveLength(0);
    expect(cache.read(queryKey('interviews.get', input)).data).toEqual({ id: 's1' });
    cache.invalidate('interviews.get');
    expect(calls.map((c) => c.name)).toEqual(['interviews.get']);
  });

  it('forgets the least recently used results nobody shows beyond a hundred', () => {
    const { api } = fakeApi();
    const cache = new QueryCache(api);
    const question = (n: number) => ({ questionId: `q${n}` });
    const held = (n: number) => cache.read(queryKey('bank.question', question(n))).data;
    for (let n = 0; n <= 100; n++) cache.set('bank.question', question(n), { n } as never);
    cache.set('bank.question', question(0), { n: 0 } as never); // used again: now the newest
    cache.subscribe('bank.question', question(1), () => undefined)();

    expect(held(0)).toEqual({ n: 0 });
    expect(held(1)).toEqual({ n: 1 }); // just shown
    expect(held(2)).toBeUndefined();
    expect(held(3)).toEqual({ n: 3 });
  });

  it('keeps the last data when fetching again fails, and reports the failure', async () => {
    const { api, calls } = fakeApi();
    const cache = new QueryCache(api);
    const key = queryKey('bank.roles', {});
    cache.subscribe('bank.roles', {}, () => undefined);
    calls[0]!.resolve(['role']);
    await settle();
    cache.refetch('bank.roles', {});
    expect(cache.read(key)).toMatchObject({ data: ['role'], loading: true });
    const failure = new Error('down');
    calls[1]!.reject(failure);
    await settle();
    expect(cache.read(key)).toEqual({ data: ['role'], error: failure, loading: false });
  });

  it("refetches a shown session's results when one of its answers is scored, not other sessions'", async () => {
    const { api, calls, emit } = fakeApi();
    const cache = new QueryCache(api);
    const off = cache.connect();
    cache.subscribe('results.session', results('s1'), () => undefined);
    cache.subscribe('results.session', results('s2'), () => undefined);
    cache.subscribe('results.history', { profileId: 'p1' }, () => undefined);
    cache.subscribe('bank.roles', {}, () => undefined);
    for (const call of calls) call.resolve({ pendingCount: 1 });
    await settle();
    calls.length = 0;

    emit('answer.scored', { sessionId: 's1', answerId: 'a1' });
    expect(calls.map((c) => [c.name, c.input])).toEqual([
      ['results.session', results('s1')],
      ['results.history', { profileId: 'p1' }],
    ]);

    off();
    emit('answer.scored', { sessionId: 's1', answerId: 'a2' });
    expect(calls).toHaveLength(2);
  });

  it('applies an event only to the payloads its rule names', () => {
    const { api, calls, emit } = fakeApi();
    const cache = new QueryCache(api);
    cache.connect();
    cache.subscribe('models.list', {}, () => undefined);
    calls.length = 0;
    const finished = { jobId: 'j1', status: 'done' as const, error: null };
    emit('job.finished', { ...finished, type: 'scoring' });
    expect(calls).toHaveLength(0);
    emit('job.finished', { ...finished, type: 'model-download' });
    expect(calls.map((c) => c.name)).toEqual(['models.list']);
  });

  it('forgets invalidated data nobody shows, so the next screen waits for fresh data', async () => {
    const { api, calls, emit } = fakeApi();
    const cache = new QueryCache(api);
    cache.connect();
    const input = { profileId: 'p1', limit: 5, offset: 0 };
    const unsubscribe = cache.subscribe('results.history', input, () => undefined);
    calls[0]!.resolve({ total: 1 });
    await settle();
    unsubscribe();
    expect(cache.read(queryKey('results.history', input)).data).toEqual({ total: 1 });

    emit('answer.scored', { sessionId: 's1', answerId: 'a1' });
    expect(calls).toHaveLength(1);
    expect(cache.read(queryKey('results.history', input))).toMatchObject({
      data: undefined,
      loading: true,
    });
  });

  it('invalidates what a successful change affects, and nothing when the change fails', async () => {
    const { api, calls } = fakeApi();
    const cache = new QueryCache(api);
    cache.subscribe('profiles.list', {}, () => undefined);
    cache.subscribe('bank.roles', {}, () => undefined);
    for (const call of calls) call.resolve([]);
    await settle();
    calls.length = 0;

    const failed = cache.invoke('profiles.update', { profileId: 'p1', name: 'A' });
    calls[0]!.reject(new Error('invalid'));
    await expect(failed).rejects.toThrow('invalid');
    expect(calls).toHaveLength(1);

    const updated = cache.invoke('profiles.update', { profileId: 'p1', name: 'A' });
    calls[1]!.resolve({ id: 'p1' });
    await expect(updated).resolves.toEqual({ id: 'p1' });
    expect(calls.map((c) => c.name)).toEqual([
      'profiles.update',
      'profiles.update',
      'profiles.list',
    ]);
  });
});
