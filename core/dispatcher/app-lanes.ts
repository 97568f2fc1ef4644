/**
 * Per-app limit on calls in flight (WeChat queues a mini program's requests beyond its limit instead of
 * failing them). Each app runs at most `limit` handlers at once; later calls wait in that app's FIFO, so one
 * app flooding the bridge waits behind itself, not in front of everyone else. Queued calls are started from
 * a macrotask (setImmediate), never straight from the microtask that ended a call, so other apps' I/O gets
 * a turn between them. The queue itself is bounded (count and bytes): past that, a call fails at once.
 */

export interface LaneLimits {
  /** handlers of one app running at once */
  inFlight: number;
  /** calls of one app waiting for a slot */
  queuedCalls: number;
  /** request bytes of one app's waiting calls */
  queuedBytes: number;
}

export const DEFAULT_LANE_LIMITS: LaneLimits = { inFlight: 16, queuedCalls: 5_000, queuedBytes: 64 * 1024 * 1024 };

interface Waiter {
  bytes: number;
  start: () => void;
}

interface Lane {
  running: number;
  queue: Waiter[];
  head: number;
  queuedBytes: number;
  draining: boolean;
}

/** What enter() says: go now, wait for this promise, or refused (with why). */
export type Admission = undefined | Promise<void> | { refused: string };

export class AppLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly limits: LaneLimits = DEFAULT_LANE_LIMITS) {}

  /** Takes a slot for one call of `appId`; every admitted call must call leave() exactly once. */
  enter(appId: string, bytes: number): Admission {
    let lane = this.lanes.get(appId);
    if (!lane) {
      lane = { running: 0, queue: [], head: 0, queuedBytes: 0, draining: false };
      this.lanes.set(appId, lane);
    }
    if (lane.running < this.limits.inFlight && lane.head === lane.queue.length) {
      lane.running++;
      return undefined;
    }
    const waiting = lane.queue.length - lane.head;
    if (waiting >= this.limits.queuedCalls || lane.queuedBytes + bytes > this.limits.queuedBytes) {
      return {
        refused:
          `too many calls in flight: ${lane.running} running and ${waiting} waiting (${lane.queuedBytes} bytes); ` +
          `the limit is ${this.limits.inFlight} running and ${this.limits.queuedCalls} waiting per app. Wait for answers before sending more`,
      };
    }
    const target = lane;
    return new Promise<void>((start) => {
      target.queue.push({ bytes, start });
      target.queuedBytes += bytes;
    });
  }

  leave(appId: string): void {
    const lane = this.lanes.get(appId);
    if (!lane) return;
    lane.running--;
    if (lane.head < lane.queue.length && !lane.draining) {
      lane.draining = true;
      setImmediate(() => this.drain(lane));
    }
  }

  /** Calls of `appId` running and waiting (for tests and the bench). */
  load(appId: string): { running: number; waiting: number } {
    const lane = this.lanes.get(appId);
    return lane ? { running: lane.running, waiting: lane.queue.length - lane.head } : { running: 0, waiting: 0 };
  }

  private drain(lane: Lane): void {
    lane.draining = false;
    while (lane.running < this.limits.inFlight && lane.head < lane.queue.length) {
      const next = lane.queue[lane.head]!;
      lane.queue[lane.head] = undefined as unknown as Waiter;
      lane.head++;
      lane.queuedBytes -= next.bytes;
      lane.running++;
      next.start();
    }
    if (lane.head === lane.queue.length) {
      lane.queue = [];
      lane.head = 0;
    } else if (lane.head > 1024) {
      lane.queue = lane.queue.slice(lane.head);
      lane.head = 0;
    }
  }
}
