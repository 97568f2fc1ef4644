type Listener = (...args: unknown[]) => void;

/**
 * WeChat's EventChannel between the page that called navigateTo (its `events` option) and the page it
 * opened (`this.getOpenerEventChannel()`): emit on one side reaches `on`/`once` listeners on the other.
 */
export class EventChannel {
  private readonly listeners = new Map<string, Array<{ fn: Listener; once: boolean }>>();
  private peer: EventChannel | undefined;

  /** two connected ends */
  static pair(): [EventChannel, EventChannel] {
    const a = new EventChannel();
    const b = new EventChannel();
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  on(name: string, fn: Listener): void {
    this.add(name, fn, false);
  }
  once(name: string, fn: Listener): void {
    this.add(name, fn, true);
  }
  off(name: string, fn?: Listener): void {
    if (!fn) this.listeners.delete(name);
    else this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l.fn !== fn));
  }
  emit(name: string, ...args: unknown[]): void {
    this.peer?.deliver(name, args);
  }

  private add(name: string, fn: Listener, once: boolean): void {
    if (typeof fn !== 'function') throw new TypeError(`EventChannel: the listener of "${name}" must be a function`);
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), { fn, once }]);
  }

  private deliver(name: string, args: unknown[]): void {
    const list = this.listeners.get(name) ?? [];
    this.listeners.set(name, list.filter((l) => !l.once));
    for (const l of list) l.fn(...args);
  }
}
