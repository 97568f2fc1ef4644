import type { DevRecord, DevReport } from '../../core/contracts/devtools';

/** The shell UI keeps this many inspector reports; the host keeps its own bounded copy (listDevtools). */
export const MAX_KEPT_DEV_RECORDS = 2000;

export type ProblemRecord = DevRecord & { report: Extract<DevReport, { kind: 'exception' | 'rejection' }> };
export type SetDataRecord = DevRecord & { report: Extract<DevReport, { kind: 'setData' }> };

/** Adds records (listDevtools and live events may overlap after a reconnect): newest first, each seq once, capped. */
export function mergeDevRecords(existing: readonly DevRecord[], incoming: readonly DevRecord[], cap = MAX_KEPT_DEV_RECORDS): DevRecord[] {
  const bySeq = new Map<number, DevRecord>();
  for (const r of existing) bySeq.set(r.seq, r);
  for (const r of incoming) bySeq.set(r.seq, r);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, cap);
}

export const isProblem = (r: DevRecord): r is ProblemRecord => r.report.kind === 'exception' || r.report.kind === 'rejection';
export const isSetData = (r: DevRecord): r is SetDataRecord => r.report.kind === 'setData';

/** "512 B", "12.4 KB", "1.20 MB" (1 KB = 1024 bytes, as DevTools shows sizes); "?" when unknown */
export function formatBytes(bytes: number): string {
  if (bytes < 0) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

/** "pages/detail/detail?id=42&from=index": how WeChat writes a page with its query */
export function pageUrl(page: { route: string; query: Record<string, string> }): string {
  const query = Object.entries(page.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return query ? `${page.route}?${query}` : page.route;
}
