/**
 * At most `limit` tasks run at once; the rest wait in call order (WeChat: 10 concurrent requests per
 * app, the others queue). A waiting task whose signal aborts leaves the queue without ever running.
 */
export class TaskQueue {
  private running = 0;
  private readonly waiting: Array<{ start: () => void; signal: AbortSignal; onAbort: () => void }> = [];

  constructor(private readonly limit: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    await this.slot(signal);
    try {
      return await work();
    } finally {
      this.running--;
      this.next();
    }
  }

  private slot(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        signal,
        start: () => {
          signal.removeEventListener('abort', entry.onAbort);
          this.running++;
          resolve();
        },
        onAbort: () => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private next(): void {
    if (this.running >= this.limit) return;
    this.waiting.shift()?.start();
  }
}
