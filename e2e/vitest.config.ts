import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real headless Chromium against the real services over the local
// server. Run after `electron-vite build` (npm run test:e2e does both).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
