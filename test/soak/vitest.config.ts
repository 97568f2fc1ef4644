import { defineConfig } from 'vitest/config';

/** The soak suites (`npm run test:soak`): every *.soak.test.ts in this folder, bounded, a few minutes at most. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/soak/**/*.soak.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
