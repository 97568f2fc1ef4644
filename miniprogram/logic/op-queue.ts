import type { RenderOp } from '../protocol';

/**
 * Collects render operations and sends them as one batch per microtask, so a setData that touches a
 * hundred nodes costs one message. Callbacks registered with `afterCommit` run once the view says it
 * applied the batch that was pending when they were registered (setData's callback, glass-easel's render).
 */
export class OpQueue {
  private ops: RenderOp[] = [];
  private scheduled = false;
  private seq = 0;
  private waiting: Array<() => void> = [];
  private readonly inFlight = new Map<number, Array<() => void>>();

  constructor(
    private readonly send: (seq: number, ops: RenderOp[]) => void,
    private readonly onCallbackError: (error: unknown) => void,
  ) {}

  push(op: RenderOp): void {
    this.ops.push(op);
    this.schedule();
  }

  afterCommit(callback: () => void): void {
    this.waiting.push(callback);
    this.schedule();
  }

  /** sends what is queued now (tests and the end of a lifecycle step call it; normally a microtask does) */
  flush(): void {
    this.scheduled = false;
    if (this.ops.length === 0 && this.waiting.length === 0) return;
    const seq = ++this.seq;
    const ops = this.ops;
    this.ops = [];
    if (this.waiting.length) {
      this.inFlight.set(seq, this.waiting);
      this.waiting = [];
    }
    this.send(seq, ops);
  }

  /** the view applied batch `seq` (and every batch before it: messages arrive in order) */
  committed(seq: number): void {
    for (const [pending, callbacks] of [...this.inFlight]) {
      if (pending > seq) continue;
      this.inFlight.delete(pending);
      for (const callback of callbacks) {
        try {
          callback();
        } catch (e) {
          this.onCallbackError(e);
        }
      }
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      if (this.scheduled) this.flush();
    });
  }
}
