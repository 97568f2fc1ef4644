import { appInfoFromManifest, Manifest, type CallerIdentity } from '../core/contracts/app';
import type { MiniAppApiHandler } from '../core/contracts/integrator';
import type { KeyValueStore } from '../core/contracts/ports';
import { miniApiCall } from '../core/custom-apis/registry';
import { createShell } from '../core/shell';

/**
 * In-process cost of the bridge pipeline: a no-op custom API through shell.dispatch (envelope, size,
 * capability, params, mock lookup, time limit, result schema, call record) against calling the same
 * handler directly. Sequential awaits, warm-up first, a fixed number of iterations: no timing loop
 * decides when to stop, so a run always ends.
 */

const WARM_UP = 2_000;
const ITERATIONS = 20_000;

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

async function callsPerSecond(iterations: number, once: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await once(i);
  const seconds = (performance.now() - started) / 1000;
  return iterations / seconds;
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const noop: MiniAppApiHandler = async () => undefined;
  const manifest = Manifest.parse({
    appId: 'bench-app',
    name: 'Bench',
    version: '1.0.0',
    entry: 'index.html',
    permissions: { openApi: [], customApi: ['noop'] },
  });
  const shell = createShell({
    store: memoryStore(),
    prompter: { ask: async () => ({ confirmed: false }) },
    host: { name: 'web', version: 'bench', platform: process.platform },
    customApis: { noop },
  });
  shell.setManifestSource((appId) => (appId === manifest.appId ? manifest : undefined));
  const caller: CallerIdentity = { appInfo: appInfoFromManifest(manifest), webViewId: 1 };

  const viaDispatch = async (i: number) => {
    const response = await shell.dispatch({ v: 1, id: i, api: 'invokeNativePlugin', params: { api_name: 'noop', data: { i } } }, caller);
    if (!response.ok) throw new Error(`bench call failed: ${response.errMsg}`);
  };
  const direct = (i: number) => noop(miniApiCall(caller, 'noop', { i }));

  await callsPerSecond(WARM_UP, viaDispatch);
  await callsPerSecond(WARM_UP, direct);
  const dispatchRate = await callsPerSecond(ITERATIONS, viaDispatch);
  const directRate = await callsPerSecond(ITERATIONS, direct);

  return [
    { name: 'dispatch: no-op custom API through shell.dispatch', value: Math.round(dispatchRate), unit: 'calls/s' },
    { name: 'dispatch: same handler called directly', value: Math.round(directRate), unit: 'calls/s' },
    { name: 'dispatch: pipeline cost (direct rate / dispatch rate)', value: Number((directRate / dispatchRate).toFixed(1)), unit: 'x' },
  ];
}
