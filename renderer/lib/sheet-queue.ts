import type { Sheet } from '../../core/contracts/sheets';

export interface QueuedSheet {
  sheetId: string;
  viewId: number;
  sheet: Sheet;
}

/**
 * Several apps (or one app, quickly) can ask at once; the user answers one sheet at a time,
 * first come first served, and sees how many are waiting.
 */
export class SheetQueue {
  private items: QueuedSheet[] = [];
  private listeners = new Set<() => void>();

  get current(): QueuedSheet | undefined {
    return this.items[0];
  }

  /** sheets behind the one shown */
  get waiting(): number {
    return Math.max(0, this.items.length - 1);
  }

  get size(): number {
    return this.items.length;
  }

  /** A repeated event for a sheet already queued (after a reconnect) is ignored. */
  add(item: QueuedSheet): void {
    if (this.items.some((i) => i.sheetId === item.sheetId)) return;
    this.items.push(item);
    this.changed();
  }

  /** Answered here or closed by the host (timeout, app gone). */
  remove(sheetId: string): QueuedSheet | undefined {
    const index = this.items.findIndex((i) => i.sheetId === sheetId);
    if (index < 0) return undefined;
    const [removed] = this.items.splice(index, 1);
    this.changed();
    return removed;
  }

  /** Every sheet of an app view that exited. */
  removeView(viewId: number): QueuedSheet[] {
    const gone = this.items.filter((i) => i.viewId === viewId);
    if (gone.length === 0) return [];
    this.items = this.items.filter((i) => i.viewId !== viewId);
    this.changed();
    return gone;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
