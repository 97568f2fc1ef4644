/**
 * Which bridge message the browser host handles next. Every bridge socket puts what it receives in its own
 * inbox, and the host takes one message per socket per turn (a setImmediate), going round the sockets that have
 * any, so a page that sends thousands at once waits behind itself and another page's message is handled in the
 * next turn.
 *
 * A backlog is also paced while another app is calling: an inbox that still holds more messages (its page
 * does not wait for answers) may then hand over at most `sharedRate` messages a second, after a burst of
 * `sharedBurst`. Why a rate and not only taking turns: a flood's cost is not only this host's. Measured on a
 * 2-core machine (bench/README.md), a page keeping 1,000 calls in flight kept its own process and the host's
 * socket writes at ~85% of both cores, and a quiet app's p99 doubled even when that flood was answered by a
 * different host process: the quiet app waited for a CPU, not for this host. Pacing the backlog makes the
 * flooding page wait for its answers instead of spinning. A page that waits for each answer (whatever its
 * rate) never has a backlog and is never paced, and an app alone is never paced at all.
 */

export interface BridgePace {
  /** messages a second a backlogged inbox may hand over while another app is calling */
  sharedRate: number;
  /** messages a backlogged inbox may hand over at once before sharedRate applies */
  sharedBurst: number;
  /** an app counts as calling for this long after its last message was handled, ms */
  activeWindowMs: number;
}

export const BRIDGE_PACE: BridgePace = { sharedRate: 2_000, sharedBurst: 32, activeWindowMs: 100 };

/** One socket's queue of received messages. */
export interface BridgeInbox {
  push(message: unknown): void;
  /** messages received and not yet handed over */
  readonly waiting: number;
  /** drops what is still waiting (the socket closed) */
  close(): void;
}

class Inbox implements BridgeInbox {
  private queue: unknown[] = [];
  private head = 0;
  tokens: number;
  refilledAt: number;
  /** when a message of this inbox was last handed over (scheduler clock); -Infinity before the first */
  lastHandled = Number.NEGATIVE_INFINITY;
  paced: ReturnType<typeof setTimeout> | undefined;
  closed = false;

  constructor(
    readonly appId: string,
    private readonly scheduler: BridgeScheduler,
    readonly handle: (message: unknown) => void,
    now: number,
    burst: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  push(message: unknown): void {
    if (this.closed) return;
    this.queue.push(message);
    this.scheduler.ready(this);
  }

  take(): unknown {
    const message = this.queue[this.head];
    this.queue[this.head] = undefined;
    this.head++;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return message;
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    this.head = 0;
    if (this.paced !== undefined) clearTimeout(this.paced);
    this.paced = undefined;
    this.scheduler.forget(this);
  }
}

export class BridgeScheduler {
  private readonly inboxes = new Set<Inbox>();
  /** inboxes with a message to hand over and no pace to wait for, in the order they take their turn */
  private readonly turns = new Set<Inbox>();
  private scheduled = false;

  constructor(
    private readonly pace: BridgePace = BRIDGE_PACE,
    /** a monotonic clock in ms (injected by tests) */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An inbox for one socket of `appId`; `handle` gets its messages one at a time, in order. */
  open<T>(appId: string, handle: (message: T) => void): BridgeInbox {
    const inbox = new Inbox(appId, this, handle as (message: unknown) => void, this.now(), this.pace.sharedBurst);
    this.inboxes.add(inbox);
    return inbox;
  }

  /** @internal an inbox received a message */
  ready(inbox: Inbox): void {
    if (inbox.paced !== undefined) return;
    this.turns.add(inbox);
    this.wake();
  }

  /** @internal an inbox closed */
  forget(inbox: Inbox): void {
    this.inboxes.delete(inbox);
    this.turns.delete(inbox);
  }

  private wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  /** One message from each inbox whose turn it is; inboxes with more go round again in the next turn. */
  private turn(): void {
    this.scheduled = false;
    const round = [...this.turns];
    this.turns.clear();
    for (const inbox of round) {
      if (inbox.closed || inbox.waiting === 0) continue;
      const now = this.now();
      if (inbox.waiting > 1 && !this.mayHandOverBacklog(inbox, now)) {
        this.wait(inbox);
        continue;
      }
      inbox.lastHandled = now;
      const message = inbox.take();
      try {
        inbox.handle(message);
      } catch (e) {
        console.error(`[bridge] a message of app "${inbox.appId}" could not be handled:`, e);
      }
      if (!inbox.closed && inbox.waiting > 0 && inbox.paced === undefined) this.turns.add(inbox);
    }
    if (this.turns.size > 0) this.wake();
  }

  /** A backlog may go on: a token from its pace, or no other app calling. */
  private mayHandOverBacklog(inbox: Inbox, now: number): boolean {
    const { sharedRate, sharedBurst } = this.pace;
    inbox.tokens = Math.min(sharedBurst, inbox.tokens + ((now - inbox.refilledAt) * sharedRate) / 1000);
    inbox.refilledAt = now;
    if (inbox.tokens >= 1) {
      inbox.tokens -= 1;
      return true;
    }
    for (const other of this.inboxes) {
      if (other.appId !== inbox.appId && (other.waiting > 0 || now - other.lastHandled < this.pace.activeWindowMs)) return false;
    }
    return true;
  }

  /** Takes a paced inbox out of the turns until its next token. */
  private wait(inbox: Inbox): void {
    const ms = Math.max(1, Math.ceil(((1 - inbox.tokens) * 1000) / this.pace.sharedRate));
    inbox.paced = setTimeout(() => {
      inbox.paced = undefined;
      if (!inbox.closed && inbox.waiting > 0) this.ready(inbox);
    }, ms);
  }
}
