import { percentile, runDriver, startLoadHost } from './support/load-host';

/**
 * Fairness under load, browser host: a quiet app's sequential calls, alone and while another app keeps
 * 1,000 calls in flight. Pages are separate processes (bench/support/bridge-driver.ts), the host is this
 * one. Fixed call counts; every wait is bounded.
 */

const QUIET_CALLS = 400;
const FLOOD_IN_FLIGHT = 1_000;

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const load = await startLoadHost(2);
  try {
    const quiet = { kind: 'sequential' as const, view: load.views[0]!, calls: QUIET_CALLS, api: 'getStorageInfo', params: {} };
    // warm-up, then alone and under flood
    await runDriver({ ...quiet, calls: 100 }).report;
    const alone = await runDriver(quiet).report;
    const flood = runDriver({ kind: 'flood', view: load.views[1]!, inFlight: FLOOD_IN_FLIGHT, maxCalls: 500_000, api: 'getStorageInfo', params: {} });
    await flood.ready;
    const underFlood = await runDriver(quiet).report;
    flood.stop();
    const flooded = await flood.report;
    if (alone.ok !== QUIET_CALLS || underFlood.ok !== QUIET_CALLS) throw new Error(`quiet app calls failed: ${JSON.stringify({ alone: alone.errors, underFlood: underFlood.errors })}`);
    const p99Alone = percentile(alone.latencies, 99);
    const p99Flood = percentile(underFlood.latencies, 99);
    console.log(`  the flooding app had ${flooded.answered.toLocaleString('en-US')} calls answered meanwhile, ${FLOOD_IN_FLIGHT} in flight throughout`);
    return [
      { name: 'quiet app call p50, alone', value: percentile(alone.latencies, 50), unit: 'ms' },
      { name: 'quiet app call p99, alone', value: p99Alone, unit: 'ms' },
      { name: `quiet app call p50, another app flooding (${FLOOD_IN_FLIGHT} in flight)`, value: percentile(underFlood.latencies, 50), unit: 'ms' },
      { name: `quiet app call p99, another app flooding (${FLOOD_IN_FLIGHT} in flight)`, value: p99Flood, unit: 'ms' },
      { name: 'quiet app p99 flooded / alone, target <= 2', value: p99Flood / p99Alone, unit: 'x' },
    ];
  } finally {
    await load.close();
  }
}
