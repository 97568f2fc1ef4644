/**
 * The listeners of one app-level wx event (wx.onError, wx.onUnhandledRejection, wx.onPageNotFound): `on`
 * refuses a non-function as WeChat does, `off()` without a listener removes them all, and a listener that
 * throws is logged without stopping the others (nor looping back into onError).
 */
export class AppEventListeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly name: string) {}

  get size(): number {
    return this.listeners.size;
  }

  on(listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError(`wx.${this.name}: listener must be a function`);
    this.listeners.add(listener as (value: T) => void);
  }

  off(listener?: unknown): void {
    if (listener === undefined) this.listeners.clear();
    else this.listeners.delete(listener as (value: T) => void);
  }

  /** each listener gets its own value (`make` is called per listener), so one cannot change another's */
  emit(make: () => T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(make());
      } catch (e) {
        console.error(`a wx.${this.name} listener threw`, e);
      }
    }
  }
}
