import { percentile, runDriver, type ViewTicket } from './load-host';

/**
 * A quiet app's call latency alone and while another app keeps `inFlight` calls in flight, measured in
 * alternating rounds (alone, flooded, alone, flooded…) and pooled. One round of a few hundred calls puts
 * p99 on its 4th-worst call, which one scheduler hiccup on a 2-core machine moves by 2x either way;
 * alternating rounds also lets drift in machine load hit both sides alike. Used by bench/load.bench.ts and
 * the soak suite. Fixed call counts; every wait is bounded by the driver's own deadline.
 */

export interface FairnessPlan {
  quiet: ViewTicket;
  flooder: ViewTicket;
  rounds: number;
  /** sequential calls of the quiet app per round and side */
  calls: number;
  inFlight: number;
  /** bound on one flood's calls, so a round always ends */
  maxFloodCalls: number;
  api: string;
}

export interface FairnessReport {
  alone: number[];
  flooded: number[];
  /** quiet calls answered with ok, per side (rounds x calls when all went well) */
  okAlone: number;
  okFlooded: number;
  /** what the flooding app sent and had answered, summed over rounds */
  floodSent: number;
  floodAnswered: number;
  /** the fewest calls a flood had sent after its quiet round ended (it was still flooding throughout) */
  floodLeastSent: number;
  errors: Record<string, number>;
}

export async function measureFairness(plan: FairnessPlan): Promise<FairnessReport> {
  const quiet = { kind: 'sequential' as const, view: plan.quiet, calls: plan.calls, api: plan.api, params: {} };
  const out: FairnessReport = { alone: [], flooded: [], okAlone: 0, okFlooded: 0, floodSent: 0, floodAnswered: 0, floodLeastSent: Number.POSITIVE_INFINITY, errors: {} };
  const note = (errors: Record<string, number>) => {
    for (const [k, v] of Object.entries(errors)) out.errors[k] = (out.errors[k] ?? 0) + v;
  };
  for (let round = 0; round < plan.rounds; round++) {
    const alone = await runDriver(quiet).report;
    out.alone.push(...alone.latencies);
    out.okAlone += alone.ok;
    note(alone.errors);

    const flood = runDriver({ kind: 'flood', view: plan.flooder, inFlight: plan.inFlight, maxCalls: plan.maxFloodCalls, api: plan.api, params: {} });
    await flood.ready;
    const flooded = await runDriver(quiet).report;
    flood.stop();
    const floodReport = await flood.report;
    out.flooded.push(...flooded.latencies);
    out.okFlooded += flooded.ok;
    note(flooded.errors);
    out.floodSent += floodReport.sent;
    out.floodAnswered += floodReport.answered;
    out.floodLeastSent = Math.min(out.floodLeastSent, floodReport.sent);
  }
  return out;
}

/** The figures both callers print: p50/p99 per side and the p99 ratio. */
export function fairnessFigures(report: FairnessReport): { p50Alone: number; p99Alone: number; p50Flooded: number; p99Flooded: number; ratio: number } {
  const p99Alone = percentile(report.alone, 99);
  const p99Flooded = percentile(report.flooded, 99);
  return { p50Alone: percentile(report.alone, 50), p99Alone, p50Flooded: percentile(report.flooded, 50), p99Flooded, ratio: p99Flooded / p99Alone };
}
