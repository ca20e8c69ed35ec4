import { FakeClock, sequentialIds } from './fake-clock';

export { FakeClock, sequentialIds } from './fake-clock';
import { startRehearse, type RehearseApp, type RehearseAppOptions } from '../app/rehearse-app';
import type { EngineOptions } from '../assessment/evaluator-provider';
import type { SpeechModelPaths } from '../engines/speech/model-paths';
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
    models?: RehearseAppOptions['models'];
    llm?: RehearseAppOptions['llm'];
    /** A real folder, for tests that write recordings. */
    dataDir?: string;
    /** A database file, for tests that restart the app on the same data. */
    databaseLocation?: string;
    /** Speech models; none unless a test asks (the env is not consulted). */
    speechModels?: SpeechModelPaths;
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
    speechModels: { whisper: null, vad: null },
    ...options,
  });
  return {
    ...app,
    clock,
    call: async (name, input) => (await app.registry.invoke(name, input)) as Output<typeof name>,
  };
}
