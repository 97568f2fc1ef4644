import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: the bounded load and crash suites in test/soak/. One file at a time (they measure
 * memory and latency, which other suites running beside them would distort), with long per-test limits.
 */
export default defineConfig({
  test: {
    include: ['test/soak/**/*.soak.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
