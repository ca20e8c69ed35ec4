// Lint: type-aware TypeScript rules plus the process boundaries (docs/ARCHITECTURE.md). A folder runs in
// one process, so it may only import what that process has.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'worker_threads',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Handler maps implement an async contract; many handlers need no await of their own.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    // expect.any()/expect.stringMatching() are typed `any` by Vitest.
    files: ['**/*.test.ts', 'e2e/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: [
      'eslint.config.js',
      'electron.vite.config.ts',
      'e2e/vitest.config.ts',
      'vitest.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' }, // these tools require a default export
  },
  // src/shared runs in every process: neither Node nor DOM nor Electron nor React.
  {
    files: ['src/shared/**'],
    languageOptions: { globals: {} },
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'src/shared may only import src/shared and pure libraries (zod).',
    ),
  },
  // The renderer is a sandboxed web page: no Node, no Electron, no main-process code.
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', '**/main/**', '**/preload/**'],
        'The renderer talks to the services only through the contract (api/client.ts).',
      ),
    },
  },
  // The preload sees only Electron's renderer half and the shared contract.
  {
    files: ['src/preload/**'],
    rules: restrict(
      [...nodeBuiltins, '**/main/**', '**/renderer/**', 'react'],
      'The preload only bridges IPC.',
    ),
  },
  // Main-process services are plain Node; only the thin shell in src/main/electron imports Electron.
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
      'Only src/main/electron may import Electron; services must load in plain Node.',
    ),
  },
  {
    files: ['src/main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['**/renderer/**', '**/preload/**', 'react'],
      'The shell does not import UI code.',
    ),
  },
);
