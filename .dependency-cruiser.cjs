// The layers of src/main, lowest first (docs/ARCHITECTURE.md draws them). A layer may import the
// layers before it and never one after it; `npm run lint` fails on a wrong-way import or a cycle.
const LAYERS = [
  'platform',
  'storage',
  'jobs',
  'engines',
  'assessment',
  'features',
  'app',
  'transport',
  'electron',
];
// Engines and assessment are pure of the database and the job queue: they get data passed in.
const ALSO_FORBIDDEN = {
  engines: ['storage', 'jobs'],
  assessment: ['storage', 'jobs'],
};
const TESTS = '\\.test\\.tsx?$';

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = [...LAYERS.slice(i + 1), ...(ALSO_FORBIDDEN[layer] ?? [])];
  if (above.length === 0) return [];
  return [
    {
      name: `${layer}-imports-upward`,
      comment: `src/main/${layer} may only import the layers below it (docs/ARCHITECTURE.md).`,
      severity: 'error',
      from: { path: `^src/main/${layer}/`, pathNot: TESTS },
      to: { path: `^src/main/(${above.join('|')})/` },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle hides which module is the lower one; break it by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'shared-is-self-contained',
      comment: 'src/shared runs in every process and imports nothing of theirs.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' },
    },
    {
      name: 'renderer-talks-through-the-contract',
      comment:
        'The renderer reaches the backend only through src/shared contract types and the API.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' },
    },
    {
      name: 'testing-helpers-only-in-tests',
      comment: 'src/main/testing is for tests, benches and scripts; the app never ships it.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TESTS, '^src/main/testing/'] },
      to: { path: '^src/main/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
