import { appInfoFromManifest, Manifest, type CallerIdentity } from '../core/contracts/app';
import type { MiniAppApiHandler } from '../core/contracts/integrator';
import type { KeyValueStore } from '../core/contracts/ports';
import { apiTable } from '../core/contracts/apis';
import { miniApiCall } from '../core/custom-apis/registry';
import { createShell } from '../core/shell';

/**
 * In-process cost of the bridge pipeline: a no-op custom API through shell.dispatch (envelope, size,
 * capability, params, mock lookup, time limit, result schema, call record) against calling the same
 * handler directly. Sequential awaits, warm-up first, a fixed number of iterations: no timing loop
 * decides when to stop, so a run always ends.
 */

const WARM_UP = 20_000;
const ITERATIONS = 50_000;
/** rounds of each, interleaved; the best round counts (the machine is shared, so the worst ones are noise) */
const ROUNDS = 3;

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

/**
 * Calls per second of this process's CPU time (user + system), not of wall time: the bench machine is
 * shared, and wall time would mostly measure who else was running.
 */
async function callsPerSecond(iterations: number, once: (i: number) => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await once(i);
  const used = process.cpuUsage(before);
  return iterations / ((used.user + used.system) / 1e6);
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

  // What a transport hands over: the parsed message and the size of the frame it arrived in. Built before
  // the clock starts, so the rows compare the pipeline with the handler and nothing else.
  const total = WARM_UP + ITERATIONS * ROUNDS;
  const frames = Array.from({ length: total }, (_, i) => {
    const text = JSON.stringify({ v: 1, id: i, api: 'invokeNativePlugin', params: { api_name: 'noop', data: { i } } });
    return { raw: JSON.parse(text) as unknown, wire: { bytes: Buffer.byteLength(text) } };
  });
  const viaDispatch = async (i: number) => {
    const frame = frames[i]!;
    const response = await shell.dispatch(frame.raw, caller, frame.wire);
    if (!response.ok) throw new Error(`bench call failed: ${response.errMsg}`);
  };
  const direct = (i: number) => noop(miniApiCall(caller, 'noop', { i }));
  // The floor the pipeline cannot go under while it validates: the API's own params and result schemas (zod)
  // on the same params, without anything else. Awaited like the others, so the rows compare like with like.
  const { params: paramsSchema, result: resultSchema } = apiTable.invokeNativePlugin;
  const checksOnly = async (i: number) => {
    const params = (frames[i]!.raw as { params: unknown }).params;
    if (!paramsSchema.safeParse(params).success || !resultSchema.safeParse({}).success) throw new Error('bench params do not parse');
  };

  await callsPerSecond(WARM_UP, viaDispatch);
  await callsPerSecond(WARM_UP, direct);
  await callsPerSecond(WARM_UP, checksOnly);
  let dispatchRate = 0;
  let directRate = 0;
  let checksRate = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const offset = WARM_UP + round * ITERATIONS;
    dispatchRate = Math.max(dispatchRate, await callsPerSecond(ITERATIONS, (i) => viaDispatch(offset + i)));
    directRate = Math.max(directRate, await callsPerSecond(ITERATIONS, direct));
    checksRate = Math.max(checksRate, await callsPerSecond(ITERATIONS, (i) => checksOnly(offset + i)));
  }

  return [
    { name: 'dispatch: no-op custom API through shell.dispatch', value: Math.round(dispatchRate), unit: 'calls/CPU-s' },
    { name: 'dispatch: same handler called directly', value: Math.round(directRate), unit: 'calls/CPU-s' },
    { name: 'dispatch: pipeline cost (direct rate / dispatch rate)', value: Number((directRate / dispatchRate).toFixed(1)), unit: 'x' },
    { name: 'dispatch: params + result zod checks alone', value: Math.round(checksRate), unit: 'calls/CPU-s' },
    { name: 'dispatch: zod checks alone (direct rate / checks rate)', value: Number((directRate / checksRate).toFixed(1)), unit: 'x' },
    { name: "dispatch: zod checks' share of a dispatched call's time", value: Math.round((100 * dispatchRate) / checksRate), unit: '%' },
  ];
}
