import { createCallLog } from '../calls/call-log';
import type { PreviewLimits } from '../calls/json-preview';
import type { CallerIdentity } from '../contracts/app';
import { DEVTOOLS_LIMITS, DevtoolsFrame, type DevRecord, type DevReport, type PageStackState } from '../contracts/devtools';
import { describeZodIssues } from '../contracts/zod-issues';

/** How much of the views' reports the host keeps, in (approximate) bytes, oldest dropped first. */
export const DEFAULT_DEV_RECORD_BYTES = 2 * 1024 * 1024;

/**
 * Preview limits above anything a report that passed DevtoolsFrame can hold, so the call log keeps every
 * report whole (a kept record is always a valid DevReport) and only its byte accounting and ring apply.
 */
const WHOLE_REPORT: PreviewLimits = {
  maxChars: 64 * 1024,
  maxDepth: 6,
  maxString: Math.max(DEVTOOLS_LIMITS.stack, DEVTOOLS_LIMITS.message) + 64,
};

export interface DevRecords {
  /**
   * Parses one frame a view sent and keeps its reports. `caller` is who the transport says sent it.
   * Returns what was kept, or why the frame was refused (the host logs it; nothing is answered).
   */
  receive(caller: CallerIdentity, raw: unknown): { ok: true; records: DevRecord[]; stack?: PageStackState } | { ok: false; problem: string };
  list(): DevRecord[];
  /** the current page stack of every view that reported one */
  stacks(): PageStackState[];
  /** forgets the records (page stacks stay: they describe what is running) */
  clear(): void;
  /** the view closed: its page stack goes */
  viewClosed(viewId: number): void;
}

/**
 * The per-app records behind the inspector's Errors, Pages and setData tabs. The reports are kept in the call
 * log's own bounded-by-bytes ring (core/calls/call-log.ts), one entry per report with the report as its params,
 * so both logs share one memory rule. The page stack is state, not history: the latest per running view.
 */
export function createDevRecords(options: { maxBytes?: number } = {}): DevRecords {
  const ring = createCallLog({ maxBytes: options.maxBytes ?? DEFAULT_DEV_RECORD_BYTES, preview: WHOLE_REPORT });
  const stacks = new Map<number, PageStackState>();

  const toRecord = (entry: { seq: number; appId: string; webViewId: number; params: unknown }): DevRecord => ({
    seq: entry.seq,
    appId: entry.appId,
    webViewId: entry.webViewId,
    report: entry.params as DevReport,
  });

  return {
    receive(caller, raw) {
      const frame = DevtoolsFrame.safeParse(raw);
      if (!frame.success) return { ok: false, problem: describeZodIssues(frame.error.issues, '(frame)') };
      const appId = caller.appInfo.appId;
      const webViewId = caller.webViewId;
      const records: DevRecord[] = [];
      let stack: PageStackState | undefined;
      for (const report of frame.data.devtools) {
        if (report.kind === 'pageStack') {
          stack = { appId, webViewId, at: report.at, pages: report.pages };
          stacks.set(webViewId, stack);
          continue;
        }
        const entry = ring.add({ at: report.at, appId, webViewId, api: report.kind, params: report, outcome: 'ok', mocked: false, ms: report.kind === 'setData' ? report.ms : 0 });
        records.push(toRecord(entry));
      }
      return stack ? { ok: true, records, stack } : { ok: true, records };
    },
    list: () => ring.list().map(toRecord),
    stacks: () => [...stacks.values()],
    clear: () => ring.clear(),
    viewClosed: (viewId) => void stacks.delete(viewId),
  };
}
