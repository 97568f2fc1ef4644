/**
 * One deadline mechanism for every call in flight: a FIFO per time-limit length and a single timer armed
 * for the earliest deadline, instead of a timer (and a promise race) per call. Calls with the same limit
 * expire in the order they started, so each FIFO is already sorted; a call that ends early is only marked,
 * and marked entries are dropped when they reach the front (or in one sweep once they are the majority).
 */

export interface Deadline {
  /** when it expires (Date.now() scale); set by the queue */
  at: number;
  /** the limit it was added with; set by the queue */
  ms: number;
  /** set once the call ended or expired: the queue then ignores the entry */
  done: boolean;
  /** called once, when the deadline passes before the call ended */
  expire(): void;
}

interface Lane {
  items: Deadline[];
  head: number;
  live: number;
}

export class DeadlineQueue {
  private readonly lanes = new Map<number, Lane>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  /** Starts `entry`'s clock: it expires after `ms` unless settle() is called first. */
  add(entry: Deadline, ms: number): void {
    entry.ms = ms;
    entry.at = Date.now() + ms;
    entry.done = false;
    let lane = this.lanes.get(ms);
    if (!lane) {
      lane = { items: [], head: 0, live: 0 };
      this.lanes.set(ms, lane);
    }
    lane.items.push(entry);
    lane.live++;
    if (entry.at < this.armedAt) this.arm(entry.at);
  }

  /** The call ended in time. */
  settle(entry: Deadline): void {
    if (entry.done) return;
    entry.done = true;
    const lane = this.lanes.get(entry.ms);
    if (!lane) return;
    lane.live--;
    const { items } = lane;
    while (lane.head < items.length && items[lane.head]!.done) lane.head++;
    if (lane.head === items.length) {
      items.length = 0;
      lane.head = 0;
    } else if (items.length - lane.head > 2 * lane.live + 64) {
      // a slow call at the front holds back many finished ones: sweep them out in one pass
      lane.items = items.slice(lane.head).filter((d) => !d.done);
      lane.head = 0;
    }
  }

  /** Calls whose clock is running (for tests and the bench). */
  get size(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.live;
    return n;
  }

  private arm(at: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - Date.now()));
    // Only pending calls keep a host alive, not the bookkeeping of calls that already ended.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    const expired: Deadline[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [ms, lane] of this.lanes) {
      const { items } = lane;
      while (lane.head < items.length) {
        const entry = items[lane.head]!;
        if (!entry.done) {
          if (entry.at > now) break;
          entry.done = true;
          lane.live--;
          expired.push(entry);
        }
        lane.head++;
      }
      if (lane.head === items.length) this.lanes.delete(ms);
      else next = Math.min(next, items[lane.head]!.at);
    }
    if (next !== Number.POSITIVE_INFINITY) this.arm(next);
    for (const entry of expired) {
      try {
        entry.expire();
      } catch (e) {
        console.error('[bridge] a call could not be timed out:', e);
      }
    }
  }
}
