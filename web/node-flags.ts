/**
 * Node options the browser host runs with: `npm run web` starts it with these, and the load soak starts its
 * worker (which hosts the browser host) with them, so the soak measures the host as it runs.
 *
 * The young generation is capped at 16 MB per semi-space. V8 otherwise sizes it from the machine's memory
 * (64 MB per semi-space on a 24 GB machine). The host's big bodies never live past their call (measured: the
 * live heap after a full collection stays within 2 MB during 1,000 calls of 1 MB), so everything the attack
 * costs is garbage waiting for V8: a 1 MB message's string and parsed params are young large objects, freed
 * only by the next scavenge, and its Buffer with them. On the 1,000 x 1 MB soak, peak RSS growth was
 * +102..+152 MB uncapped; with 32 MB it was +14..+60 MB until the bridge's per-socket inboxes (which keep a
 * waiting message across a turn) took it to +91..+121 MB (2026-12-03, four runs); with 16 MB, +32..+84 MB
 * alone and +57..+62 MB within the whole soak suite (test/soak/load-bridge.soak.test.ts prints these), against
 * the 150 MB bound.
 */
export const BROWSER_HOST_NODE_FLAGS = ['--max-semi-space-size=16'] as const;
