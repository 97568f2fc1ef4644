import type { CallRecord } from '../../core/contracts/shell-api';

export type Outcome = CallRecord['outcome'];

export interface CallFilter {
  /** '' = every app */
  appId: string;
  /** case-insensitive substring of the API (or a custom API's api_name); '' = all */
  api: string;
  /** '' = every outcome */
  outcome: Outcome | '';
}

export const NO_FILTER: CallFilter = { appId: '', api: '', outcome: '' };

/** The inspector keeps this many records; older ones fall off so a chatty app cannot exhaust memory. */
export const MAX_KEPT_CALLS = 2000;

/** invokeNativePlugin calls are known to developers by their api_name, so the text filter matches it too. */
export function customApiName(record: CallRecord): string | undefined {
  const params = record.params;
  if (record.api !== 'invokeNativePlugin' || typeof params !== 'object' || params === null) return undefined;
  const name = (params as Record<string, unknown>)['api_name'];
  return typeof name === 'string' ? name : undefined;
}

export function matchesFilter(record: CallRecord, filter: CallFilter): boolean {
  if (filter.appId && record.appId !== filter.appId) return false;
  if (filter.outcome && record.outcome !== filter.outcome) return false;
  const needle = filter.api.trim().toLowerCase();
  if (needle) {
    const names = [record.api, customApiName(record) ?? ''].map((n) => n.toLowerCase());
    if (!names.some((n) => n.includes(needle))) return false;
  }
  return true;
}

export function filterCalls(records: readonly CallRecord[], filter: CallFilter): CallRecord[] {
  return records.filter((r) => matchesFilter(r, filter));
}

/**
 * Adds records (from listCalls or live 'call' events, which may overlap after a reconnect)
 * and returns the list newest first, each seq once, at most `cap` long.
 */
export function mergeCalls(existing: readonly CallRecord[], incoming: readonly CallRecord[], cap = MAX_KEPT_CALLS): CallRecord[] {
  const bySeq = new Map<number, CallRecord>();
  for (const r of existing) bySeq.set(r.seq, r);
  for (const r of incoming) bySeq.set(r.seq, r);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, cap);
}

/** The app ids seen in the records, for the app filter, sorted for a stable menu. */
export function appIdsOf(records: readonly CallRecord[]): string[] {
  return [...new Set(records.map((r) => r.appId))].sort();
}
