import { RunningApp, type ShellEvent } from '../core/contracts/shell-api';
import type { WebViewHost } from './view-host';

/**
 * The URL each shell page loads a running view from. A view URL carries a one-time load key (web/view-host.ts),
 * and the shell UI re-creates a view's iframe whenever RunningApp.url changes. So every shell page (one
 * connection each) gets its own key per view, minted the first time the view reaches that page and kept for the
 * life of the connection: tab switches never reload an app, and a reloaded or second shell page still gets a
 * URL that loads. The URL core keeps from ViewHost.open stays for in-process drivers (tests, scripts).
 */
export class ShellFrameUrls {
  private readonly byPage = new WeakMap<object, Map<number, string>>();

  constructor(private readonly views: WebViewHost) {}

  /** A command's output as this shell page must see it. */
  output(page: object, command: string, output: unknown): unknown {
    if (command === 'launch') return this.app(page, output);
    if (command === 'listRunning' && Array.isArray(output)) return output.map((app) => this.app(page, app));
    return output;
  }

  /** An event as this shell page must see it. */
  event(page: object, event: ShellEvent): ShellEvent {
    if (event.type !== 'runningChanged') return event;
    return { ...event, running: event.running.map((app) => this.app(page, app) as RunningApp) };
  }

  private app(page: object, value: unknown): unknown {
    const app = RunningApp.safeParse(value);
    if (!app.success) return value;
    const url = this.urlFor(page, app.data.viewId);
    return url ? { ...app.data, url } : app.data;
  }

  private urlFor(page: object, viewId: number): string | undefined {
    let urls = this.byPage.get(page);
    if (!urls) {
      urls = new Map();
      this.byPage.set(page, urls);
    }
    for (const id of urls.keys()) if (!this.views.isOpen(id)) urls.delete(id);
    let url = urls.get(viewId);
    if (url === undefined) {
      url = this.views.frameUrl(viewId);
      if (url !== undefined) urls.set(viewId, url);
    }
    return url;
  }
}
