import type { ToView, ViewReply } from '../protocol';

export type ViewOutcome = { ok: boolean; result: Record<string, unknown> & { errMsg: string } };

/**
 * Requests from the logic layer to the view (overlays, measurements), matched to their replies by id.
 * A request the view never answers (the page went away) simply never settles, as a dismissed WeChat
 * dialog's callback never runs.
 */
export class ViewCalls {
  private nextId = 1;
  private readonly pending = new Map<number, (outcome: ViewOutcome) => void>();

  constructor(private readonly post: (message: ToView) => void) {}

  call(api: string, params: Record<string, unknown> = {}): Promise<ViewOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ t: 'viewCall', id, api, params });
    });
  }

  receive(reply: ViewReply): void {
    const resolve = this.pending.get(reply.id);
    if (!resolve) return;
    this.pending.delete(reply.id);
    resolve({ ok: reply.ok, result: reply.result });
  }
}
