import type { ShellEvent } from '../../core/contracts/shell-api';
import type { Runtime, RuntimeOptions, ViewHost } from '../../core/contracts/services';
import { createRuntime } from '../../core/runtime';
import { memoryData } from './memory-data';
import { memoryStore } from './memory-store';
import { tempDir } from './packages';

/** A view host that opens nothing real: each view's URL is `view:<id>`. */
export const NULL_VIEW_HOST: ViewHost = { open: (id) => ({ url: `view:${id}` }), show() {}, hide() {}, close() {}, send() {} };

/**
 * A whole runtime in memory (store, SQLite in memory, a fresh data folder, no views), for tests that go
 * through install/launch/dispatch; `options` replaces any of the defaults. The events it emitted are in `events`.
 */
export async function testRuntime(options: Partial<RuntimeOptions> = {}): Promise<{ runtime: Runtime; events: ShellEvent[] }> {
  const events: ShellEvent[] = [];
  const runtime = await createRuntime({
    store: memoryStore(),
    data: memoryData(),
    dataDir: await tempDir(),
    viewHost: NULL_VIEW_HOST,
    emit: (e) => void events.push(e),
    host: { name: 'web', version: '0.1.0', platform: 'linux' },
    assetUrl: (a, p) => `${a}/${p}`,
    ...options,
  });
  return { runtime, events };
}
