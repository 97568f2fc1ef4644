/**
 * Running mini programs in most-recently-used order. The front one is active; background ones beyond
 * the keep-alive limit are evicted, least recently used first.
 */
export class TabSet<T extends { viewId: number }> {
  private order: T[] = []; // index 0 = most recently used

  constructor(private readonly keepAlive: number) {}

  get active(): T | undefined {
    return this.order[0];
  }

  all(): T[] {
    return [...this.order];
  }

  get(viewId: number): T | undefined {
    return this.order.find((t) => t.viewId === viewId);
  }

  /** brings a tab to the front; returns the tabs that must close to respect the keep-alive limit */
  touch(tab: T): T[] {
    this.order = [tab, ...this.order.filter((t) => t.viewId !== tab.viewId)];
    const background = this.order.length - 1;
    return background > this.keepAlive ? this.order.slice(1 + this.keepAlive) : [];
  }

  remove(viewId: number): T | undefined {
    const tab = this.get(viewId);
    this.order = this.order.filter((t) => t.viewId !== viewId);
    return tab;
  }
}
