import type { Clock, IdGenerator } from '../core/clock';
import { startRehearse, type RehearseApp } from '../app/rehearse-app';
import type { Input, Output, HandlerName } from '../../shared/contract';

/** A clock that only moves when a test moves it. */
export class FakeClock implements Clock {
  private current: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}

/** ids "id-0001", "id-0002", ... in creation order. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

export interface TestApp extends RehearseApp {
  readonly clock: FakeClock;
  /** Calls a handler exactly as a transport would: through the registry's validation. */
  call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>>;
}

/** A fresh, migrated in-memory app per test: fake clock, deterministic ids, real SQLite. */
export async function createTestApp(): Promise<TestApp> {
  const clock = new FakeClock();
  const app = await startRehearse({
    dataDir: '/nonexistent-test-data-dir',
    databaseLocation: ':memory:',
    transport: 'web',
    clock,
    ids: sequentialIds(),
  });
  return {
    ...app,
    clock,
    call: async (name, input) => (await app.registry.invoke(name, input)) as Output<typeof name>,
  };
}
