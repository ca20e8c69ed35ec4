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

export interface TestAppOptions {
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
}

/** The state a fresh start leaves behind, to start each test app from a copy of it. */
export interface SeededSnapshot {
  /** The migrated database with the built-in packs installed, serialized. */
  readonly image: Buffer;
  /** How many ids starting the app took, so a test's generator carries on after them. */
  readonly idsUsed: number;
  /** The fake clock's time once started, so a test's clock carries on from it. */
  readonly startedAt: string;
}

/** Options every test app starts with; tests may override any of them. */
function baseOptions(clock: FakeClock, ids: () => string): RehearseAppOptions {
  return {
    dataDir: '/nonexistent-test-data-dir',
    databaseLocation: ':memory:',
    transport: 'web',
    clock,
    ids,
    // The lexical engine alone unless a test asks for more: harper takes ~2 s and ~600 MB.
    engines: { embeddingModelDir: null, grammar: false, linguistics: false },
    speechModels: { whisper: null, vad: null },
  };
}

/**
 * A fresh, migrated in-memory app per test: fake clock, deterministic ids, real SQLite.
 * Migrating and installing the built-in packs takes a few hundred milliseconds, so it is done
 * once per test process (per set of built-in packs) and each app starts from its own copy of
 * that database: still a real, isolated SQLite database, with the same rows, ids and times a
 * fresh start would give. Tests that pass `databaseLocation` start on that file as before.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const snapshot =
    options.databaseLocation === undefined ? await seededSnapshot(options.builtinPacks) : null;
  const clock = new FakeClock(snapshot?.startedAt);
  const app = await startRehearse({
    ...baseOptions(clock, sequentialIds('id', snapshot?.idsUsed ?? 0)),
    ...(snapshot && { databaseImage: snapshot.image }),
    ...options,
  });
  return {
    ...app,
    clock,
    call: async (name, input) => (await app.registry.invoke(name, input)) as Output<typeof name>,
  };
}

const snapshots = new Map<string, Promise<SeededSnapshot>>();

/** One snapshot per distinct `builtinPacks`, built on first use in this process. */
export function seededSnapshot(builtinPacks?: readonly unknown[]): Promise<SeededSnapshot> {
  const key = builtinPacks === undefined ? 'the built-in bank' : JSON.stringify(builtinPacks);
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    snapshot = buildSnapshot(builtinPacks);
    snapshots.set(key, snapshot);
    // A failed start (a test's deliberately bad pack) is not cached: the next test tries again.
    snapshot.catch(() => snapshots.delete(key));
  }
  return snapshot;
}

async function buildSnapshot(builtinPacks?: readonly unknown[]): Promise<SeededSnapshot> {
  const clock = new FakeClock();
  let idsUsed = 0;
  const ids = sequentialIds();
  const app = await startRehearse({
    ...baseOptions(clock, () => {
      idsUsed++;
      return ids();
    }),
    ...(builtinPacks && { builtinPacks }),
  });
  try {
    // Nothing may still be running while the database is copied.
    await app.jobs.whenIdle();
    await app.modelJobs.whenIdle();
    return {
      image: app.database.sqlite.serialize(),
      idsUsed,
      startedAt: clock.now().toISOString(),
    };
  } finally {
    await app.close();
  }
}
