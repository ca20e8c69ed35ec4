// How long a unit test waits for its app: createTestApp() from the process's seeded snapshot,
// against a start that migrates and installs the built-in packs itself (what every test app did
// before the snapshot). Run through `npm run bench -- --only testApp`.
import { performance } from 'node:perf_hooks';
import { createTestApp, seededSnapshot } from '../src/main/testing/test-app';

const RUNS = 20;
const round = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function startMs(options: Parameters<typeof createTestApp>[0]): Promise<number[]> {
  await (await createTestApp(options)).close(); // warm-up: module loading, parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const app = await createTestApp(options);
    times.push(performance.now() - t);
    await app.close();
  }
  return times;
}

export async function testAppBench() {
  const t = performance.now();
  await seededSnapshot();
  const snapshotBuildMs = performance.now() - t;
  const fromSnapshot = await startMs({});
  // A ':memory:' location given outright skips the snapshot: migrations and packs on every start.
  const fromScratch = await startMs({ databaseLocation: ':memory:' });
  return {
    what: `createTestApp() with the built-in bank, median of ${RUNS}`,
    snapshotBuildMs: round(snapshotBuildMs),
    fromSnapshotMedianMs: round(median(fromSnapshot)),
    fromScratchMedianMs: round(median(fromScratch)),
    speedup: round(median(fromScratch) / median(fromSnapshot)),
  };
}
