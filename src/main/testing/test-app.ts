import { FakeClock, sequentialIds } from './fake-clock';

export { FakeClock, sequentialIds } from './fake-clock';
import { startRehearse, type RehearseApp, type RehearseAppOptions } from '../app/rehearse-app';
import type { EngineOptions } from '../evaluation/engines';
import type { Input, Output, HandlerName } from '../../shared/contract';

export interface TestApp extends RehearseApp {
  readonly clock: FakeClock;
  /** Calls a handler exactly as a transport would: through the registry's validation. */
  call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>>;
}

/** A fresh, migrated in-memory app per test: fake clock, deterministic ids, real SQLite. */
export async function createTestApp(
  options: {
    builtinPacks?: readonly unknown[];
    engines?: EngineOptions;
    dataDir?: string;
    models?: RehearseAppOptions['models'];
    llm?: RehearseAppOptions['llm'];
  } = {},
): Promise<TestApp> {
  const clock = new FakeClock();
  const app = await startRehearse({
    dataDir: '/nonexistent-test-data-dir',
    databaseLocation: ':memory:',
    transport: 'web',
    clock,
    ids: sequentialIds(),
    // The lexical engine alone unless a test asks for more: harper takes ~2 s and ~600 MB.
    engines: { embeddingModelDir: null, grammar: false, linguistics: false },
    ...options,
  });
  return {
    ...app,
    clock,
    call: async (name, input) => (await app.registry.invoke(name, input)) as Output<typeof name>,
  };
}
