import { DEVTOOLS_HOOK, DEVTOOLS_LIMITS } from '../../core/contracts/devtools-limits';
import type { DevReport, DevtoolsFrame } from '../../core/contracts/devtools';
import { WIRE_VERSION } from '../../core/contracts/wire';

/** How long reports wait to travel together: a burst of setData costs the host one frame, not hundreds. */
export const DEVTOOLS_FLUSH_MS = 100;
/** Reports kept while the bridge is slow to take them; past this the oldest setData rows go first. */
const MAX_PENDING = DEVTOOLS_LIMITS.batch * 8;

type Report = (frame: DevtoolsFrame) => void;

/** The page's reporting function, installed by the host's wx client (browser host) or preload (Electron). */
export function hostReporter(scope: object): Report | undefined {
  const hook = (scope as Record<string, unknown>)[DEVTOOLS_HOOK] as { report?: unknown } | undefined;
  return typeof hook?.report === 'function' ? (hook.report as Report) : undefined;
}

/**
 * Passes the logic layer's inspector reports to the host over the bridge, in frames of at most
 * DEVTOOLS_LIMITS.batch reports, at most one frame per DEVTOOLS_FLUSH_MS unless a frame is full. Exceptions,
 * rejections and page stacks are never dropped for setData rows.
 */
export class DevtoolsForwarder {
  private pending: DevReport[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly report: Report | undefined,
    // a wrapper, not setTimeout itself: called as a method, the browser's setTimeout throws "Illegal invocation"
    private readonly schedule: (fn: () => void, ms: number) => ReturnType<typeof setTimeout> = (fn, ms) => setTimeout(fn, ms),
  ) {}

  add(report: DevReport): void {
    if (!this.report) return;
    this.pending.push(report);
    if (this.pending.length > MAX_PENDING) {
      const drop = this.pending.findIndex((r) => r.kind === 'setData');
      this.pending.splice(drop >= 0 ? drop : 0, 1);
    }
    if (this.pending.length >= DEVTOOLS_LIMITS.batch) this.flush();
    else this.timer ??= this.schedule(() => this.flush(), DEVTOOLS_FLUSH_MS);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0 && this.report) {
      const devtools = this.pending.splice(0, DEVTOOLS_LIMITS.batch);
      try {
        this.report({ v: WIRE_VERSION, devtools });
      } catch (e) {
        console.error('mini program view: could not send inspector reports', e);
        return;
      }
    }
  }
}
