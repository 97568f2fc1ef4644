import { defineConfig } from 'vitest/config';
import { BROWSER_HOST_NODE_FLAGS } from '../../web/node-flags';

/** The soak suites (`npm run test:soak`): every *.soak.test.ts in this folder, bounded, a few minutes at most. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/soak/**/*.soak.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
    hookTimeout: 60_000,
    // the load soak runs the browser host in this worker: give it the V8 settings `npm run web` starts the host with
    execArgv: [...BROWSER_HOST_NODE_FLAGS],
  },
});
