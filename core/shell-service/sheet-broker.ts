import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from '../contracts/app';
import type { Prompter } from '../contracts/ports';
import { Sheet, type SheetAnswer } from '../contracts/sheets';
import type { ShellEvent } from '../contracts/shell-api';
import { ShellCommandError } from '../contracts/services';

interface Pending {
  viewId: number;
  resolve: (answer: SheetAnswer) => void;
}

/**
 * The Prompter hosts share: a sheet becomes a ShellEvent for the shell UI, and the user's answer comes
 * back through the `answerSheet` command. A sheet dies with its view, answered as a cancel.
 */
export class SheetBroker implements Prompter {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly emit: (event: ShellEvent) => void,
    private readonly hooks: {
      opened?: (viewId: number) => void;
      closed?: (viewId: number) => void;
      /** adds what handlers cannot know, such as the app's icon URL */
      decorate?: (sheet: Sheet) => Sheet;
    } = {},
  ) {}

  ask(sheet: Sheet, caller: CallerIdentity, signal?: AbortSignal): Promise<SheetAnswer> {
    const parsed = Sheet.parse(this.hooks.decorate ? this.hooks.decorate(sheet) : sheet);
    if (signal?.aborted) return Promise.resolve({ confirmed: false });
    const sheetId = randomUUID();
    const viewId = caller.webViewId;
    return new Promise<SheetAnswer>((resolve) => {
      const pending: Pending = { viewId, resolve };
      this.pending.set(sheetId, pending);
      signal?.addEventListener('abort', () => {
        if (this.pending.get(sheetId) === pending) this.settle(sheetId, pending, { confirmed: false });
      }, { once: true });
      this.hooks.opened?.(viewId);
      this.emit({ type: 'sheet', sheetId, viewId, sheet: parsed });
    });
  }

  answer(sheetId: string, answer: SheetAnswer): void {
    const p = this.pending.get(sheetId);
    if (!p) throw new ShellCommandError('This request is no longer waiting for an answer', 'The mini program closed or the request timed out.');
    this.settle(sheetId, p, answer);
  }

  /** cancels every open sheet of a view (closed, crashed, evicted) */
  cancelForView(viewId: number): void {
    for (const [id, p] of this.pending) if (p.viewId === viewId) this.settle(id, p, { confirmed: false });
  }

  openCount(viewId?: number): number {
    return [...this.pending.values()].filter((p) => viewId === undefined || p.viewId === viewId).length;
  }

  private settle(sheetId: string, p: Pending, answer: SheetAnswer): void {
    this.pending.delete(sheetId);
    this.emit({ type: 'sheetClosed', sheetId });
    if (this.openCount(p.viewId) === 0) this.hooks.closed?.(p.viewId);
    p.resolve(answer);
  }
}
