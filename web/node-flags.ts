/**
 * Node options the browser host runs with: `npm run web` starts it with these, and the load soak starts its
 * worker (which hosts the browser host) with them, so the soak measures the host as it runs.
 *
 * The young generation is capped at 32 MB per semi-space. V8 otherwise sizes it from the machine's memory
 * (64 MB per semi-space on a 24 GB machine). The host's big bodies never live past their call (measured: the
 * live heap after a full collection stays within 2 MB during 1,000 calls of 1 MB), so everything the attack
 * costs is garbage waiting for V8. With the cap, V8 collects it much sooner. On the 1,000 x 1 MB soak, peak
 * RSS growth went from +102..+152 MB to +14, +56, +60 and +15 MB (four runs), and on the 100,000-message fuzz from +102 MB to +55..+56 MB
 * (test/soak/load-bridge.soak.test.ts prints these).
 */
export const BROWSER_HOST_NODE_FLAGS = ['--max-semi-space-size=32'] as const;
