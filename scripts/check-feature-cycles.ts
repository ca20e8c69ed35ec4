// Feature folders may use each other, but never in a circle: a cycle between two features means
// the piece both need belongs in a lower layer (storage, assessment, jobs). dependency-cruiser
// checks cycles between modules; this checks them between the folders of src/main/features.
// Part of `npm run lint`; docs/ARCHITECTURE.md explains the layers.
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const FEATURE = /^src\/main\/features\/([^/]+)\//;

const { output } = await cruise(['src/main/features'], {
  tsPreCompilationDeps: true,
  doNotFollow: { path: 'node_modules' },
  exclude: { path: '\\.test\\.tsx?$' },
});
const result = output as ICruiseResult;

const edges = new Map<string, Map<string, string>>(); // feature → feature → one example import
for (const module of result.modules) {
  const from = FEATURE.exec(module.source)?.[1];
  if (!from) continue;
  for (const dependency of module.dependencies) {
    const to = FEATURE.exec(dependency.resolved)?.[1];
    if (!to || to === from) continue;
    const targets = edges.get(from) ?? new Map<string, string>();
    if (!targets.has(to)) targets.set(to, `${module.source} → ${dependency.resolved}`);
    edges.set(from, targets);
  }
}

/** Every elementary cycle reachable by depth-first search, each reported once. */
function findCycles(): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    for (const next of edges.get(node)?.keys() ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const key = [...cycle].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else visit(next, [...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) visit(start, [start]);
  return cycles;
}

const cycles = findCycles();
if (cycles.length === 0) {
  console.log(`✔ no cycles between the ${edges.size} feature folders that import each other`);
} else {
  for (const cycle of cycles) {
    console.error(`✘ feature cycle: ${[...cycle, cycle[0]].join(' → ')}`);
    cycle.forEach((from, i) => {
      const to = cycle[(i + 1) % cycle.length]!;
      console.error(`    ${edges.get(from)?.get(to)}`);
    });
  }
  process.exitCode = 1;
}
