import { fairnessFigures, measureFairness } from './support/fairness';
import { runDriver, startLoadHost } from './support/load-host';

/**
 * Fairness under load, browser host: a quiet app's sequential calls, alone and while another app keeps
 * 1,000 calls in flight, in alternating rounds (bench/support/fairness.ts). Pages are separate processes
 * (bench/support/bridge-driver.ts), the host is this one. Fixed call counts; every wait is bounded.
 */

const ROUNDS = 3;
const QUIET_CALLS = 400;
const FLOOD_IN_FLIGHT = 1_000;

export async function run(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const load = await startLoadHost(2);
  try {
    await runDriver({ kind: 'sequential', view: load.views[0]!, calls: 100, api: 'getStorageInfo', params: {} }).report; // warm-up
    const report = await measureFairness({
      quiet: load.views[0]!,
      flooder: load.views[1]!,
      rounds: ROUNDS,
      calls: QUIET_CALLS,
      inFlight: FLOOD_IN_FLIGHT,
      maxFloodCalls: 500_000,
      api: 'getStorageInfo',
    });
    const all = ROUNDS * QUIET_CALLS;
    if (report.okAlone !== all || report.okFlooded !== all) throw new Error(`quiet app calls failed: ${JSON.stringify(report.errors)}`);
    const f = fairnessFigures(report);
    console.log(
      `  ${ROUNDS} alternating rounds of ${QUIET_CALLS} quiet calls a side; the flooding app had ${report.floodAnswered.toLocaleString('en-US')} calls answered meanwhile, ${FLOOD_IN_FLIGHT} in flight throughout`,
    );
    return [
      { name: 'quiet app call p50, alone', value: f.p50Alone, unit: 'ms' },
      { name: 'quiet app call p99, alone', value: f.p99Alone, unit: 'ms' },
      { name: `quiet app call p50, another app flooding (${FLOOD_IN_FLIGHT} in flight)`, value: f.p50Flooded, unit: 'ms' },
      { name: `quiet app call p99, another app flooding (${FLOOD_IN_FLIGHT} in flight)`, value: f.p99Flooded, unit: 'ms' },
      { name: 'quiet app p99 flooded / alone, target <= 2', value: f.ratio, unit: 'x' },
    ];
  } finally {
    await load.close();
  }
}
