import type { Rectangle, View, WebContents, WebContentsView } from 'electron';
import type { CallerIdentity, CatalogEntry, EventEnvelope, ViewHost, ViewLaunch } from '../core/contracts';
import { LAUNCH_PATH_PARAM } from '../client/transports/boot-config';
import { ipcChannels } from '../core/contracts/ipc-channels';
import { appOrigin } from './app-scheme';
import type { Logger } from './logger';
import { viewportToBounds, type Viewport } from './view-layout';

/**
 * The Electron ViewHost: one WebContentsView per running mini program inside the single window,
 * positioned over the area the shell UI reserves for it. The runtime decides what to open, show,
 * hide and close (tabs, keep-alive); this class only does it, and keeps the map from webContents
 * to view that the IPC adapter trusts for identity.
 */

export type HostWebContents = Pick<WebContents, 'id' | 'isDestroyed' | 'close' | 'send' | 'loadURL' | 'on' | 'getZoomFactor' | 'mainFrame' | 'openDevTools' | 'reload' | 'focus'>;
export type HostView = Pick<WebContentsView, 'setBounds' | 'setVisible'> & { webContents: HostWebContents };
export type HostContainer = Pick<View, 'addChildView' | 'removeChildView'>;

/** The entry URL with the page to launch on, for the view's runtime to read (miniprogram/view/main.ts). */
export function withLaunchPath(entryUrl: string, launch: ViewLaunch | undefined): string {
  if (!launch) return entryUrl;
  const url = new URL(entryUrl);
  url.searchParams.set(LAUNCH_PATH_PARAM, launch.path);
  return url.href;
}

export interface RunningView {
  viewId: number;
  appId: string;
  /** superapp://<appId lowercased>: the only origin whose main frame may speak for this view */
  origin: string;
  view: HostView;
  webContentsId: number;
  openedAt: number;
  /** the document now in the view has its bridge listening; until then host events wait in `queued` */
  bridgeReady: boolean;
  queued: EventEnvelope[];
}

/**
 * Events held for a document that is still loading (the browser host keeps the same bound). An app
 * gets a handful at most (show/hide while it loads); past the bound the oldest are the stale ones.
 */
const MAX_QUEUED_EVENTS = 64;

export interface DesktopViewHostOptions {
  container: HostContainer;
  shellView: HostView;
  /** the window's content size (DIP); the shell view always fills it */
  contentSize(): { width: number; height: number };
  /** creates a locked-down view for the app (webPreferences, policies); the host adds and loads it */
  createAppView(app: CatalogEntry, viewId: number): HostView;
  /** the URL of the app's entry page */
  entryUrl(appId: string): string;
  /** a view died on its own (renderer crash, destroyed): the runtime must forget it */
  onViewGone(viewId: number): void;
  log: Logger;
}

export class DesktopViewHost implements ViewHost {
  private readonly views = new Map<number, RunningView>();
  private readonly byWebContents = new Map<number, number>();
  private active: number | undefined;
  private viewport: Viewport | undefined;
  private openSheets = 0;
  private opened = 0;

  constructor(private readonly options: DesktopViewHostOptions) {}

  open(viewId: number, app: CatalogEntry, _caller: CallerIdentity, launch?: ViewLaunch): { url: string } {
    const url = withLaunchPath(this.options.entryUrl(app.appId), launch);
    if (this.views.has(viewId)) return { url };
    const view = this.options.createAppView(app, viewId);
    const record: RunningView = {
      viewId,
      appId: app.appId,
      origin: appOrigin(app.appId),
      view,
      webContentsId: view.webContents.id,
      openedAt: ++this.opened,
      bridgeReady: false,
      queued: [],
    };
    this.views.set(viewId, record);
    this.byWebContents.set(record.webContentsId, viewId);
    // hidden until the runtime shows it: a background launch must not flash over the current app
    view.setVisible(false);
    this.options.container.addChildView(view as unknown as View);
    if (this.openSheets > 0) this.raiseShell();
    const forget = (why: string) => {
      if (!this.views.has(viewId)) return;
      this.options.log.warn(`view ${viewId} (${app.appId}) is gone: ${why}`);
      this.dispose(viewId);
      // a crashed renderer leaves its webContents behind; close it so nothing lingers
      if (!view.webContents.isDestroyed()) view.webContents.close();
      this.options.onViewGone(viewId);
    };
    // A new document in the main frame has no listener until its preload runs: hold events from the
    // moment the navigation starts until that preload says it listens (bridgeReady). If no such message
    // comes (the navigation was cancelled, failed, or the page has no bridge), loading still stops; by then
    // any preload of the document there has long been listening, so the held events go out.
    view.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) record.bridgeReady = false;
    });
    view.webContents.on('did-stop-loading', () => this.bridgeReady(viewId));
    view.webContents.on('render-process-gone', (_event, details) => forget(`renderer ${details.reason}`));
    view.webContents.on('destroyed', () => forget('webContents destroyed'));
    view.webContents.loadURL(url).catch((error: unknown) => {
      this.options.log.warn(`view ${viewId} (${app.appId}) failed to load ${url}: ${String(error)}`);
    });
    return { url };
  }

  show(viewId: number): void {
    if (!this.views.has(viewId)) return;
    // one app area: showing an app hides whichever other app was there
    for (const other of this.views.values()) if (other.viewId !== viewId) other.view.setVisible(false);
    this.active = viewId;
    this.layout();
  }

  hide(viewId: number): void {
    const record = this.views.get(viewId);
    if (!record) return;
    if (this.active === viewId) this.active = undefined;
    record.view.setVisible(false);
  }

  close(viewId: number): void {
    const record = this.views.get(viewId);
    if (!record) return;
    this.dispose(viewId);
    // removing the view only detaches it; close() is what ends its renderer and frees the memory
    if (!record.view.webContents.isDestroyed()) record.view.webContents.close();
  }

  send(viewId: number, event: EventEnvelope): void {
    const record = this.views.get(viewId);
    if (!record || record.view.webContents.isDestroyed()) return;
    if (record.bridgeReady) record.view.webContents.send(ipcChannels.bridgeEvent, event);
    else if (record.queued.length < MAX_QUEUED_EVENTS) record.queued.push(event);
    else this.options.log.warn(`view ${viewId} (${record.appId}): dropped a ${event.event} event, its page has not loaded`);
  }

  /** From the IPC adapter (the page's preload listens now) or the end of a load: send what waited, in order. */
  bridgeReady(viewId: number): void {
    const record = this.views.get(viewId);
    if (!record || record.view.webContents.isDestroyed()) return;
    record.bridgeReady = true;
    const queued = record.queued;
    record.queued = [];
    for (const event of queued) record.view.webContents.send(ipcChannels.bridgeEvent, event);
  }

  /** Trusted UI: while a sheet is open the shell view sits above every app view, so no app can cover or click it. */
  sheetOpened(_viewId: number): void {
    this.openSheets += 1;
    this.raiseShell();
  }

  sheetClosed(_viewId: number): void {
    if (this.openSheets === 0) return;
    this.openSheets -= 1;
    if (this.openSheets === 0) this.lowerShell();
  }

  /** From the shell's setViewport command (CSS px). A zero-size viewport hides the app. */
  setViewport(viewport: Viewport): void {
    this.viewport = viewport;
    this.layout();
  }

  /** Window resized or zoom changed: WebContentsView has no auto-resize, so everything is placed again. */
  layout(): void {
    const size = this.options.contentSize();
    this.options.shellView.setBounds({ x: 0, y: 0, width: size.width, height: size.height });
    const record = this.active === undefined ? undefined : this.views.get(this.active);
    if (!record) return;
    const zoom = this.options.shellView.webContents.getZoomFactor();
    const bounds: Rectangle | undefined = viewportToBounds(this.viewport, zoom, size);
    if (!bounds) {
      record.view.setVisible(false);
      return;
    }
    record.view.setBounds(bounds);
    record.view.setVisible(true);
  }

  /** Close every view (quit, window closed). */
  closeAll(): void {
    for (const viewId of [...this.views.keys()]) this.close(viewId);
  }

  /** For the IPC adapter: which running view owns this webContents, if any. */
  viewForWebContents(webContentsId: number): RunningView | undefined {
    const viewId = this.byWebContents.get(webContentsId);
    return viewId === undefined ? undefined : this.views.get(viewId);
  }

  view(viewId: number): RunningView | undefined {
    return this.views.get(viewId);
  }

  /** The most recently opened view of an app: the protocol handler embeds that view's storage mirror. */
  latestViewOf(appId: string): RunningView | undefined {
    let latest: RunningView | undefined;
    for (const record of this.views.values()) if (record.appId === appId && (!latest || record.openedAt > latest.openedAt)) latest = record;
    return latest;
  }

  activeView(): RunningView | undefined {
    return this.active === undefined ? undefined : this.views.get(this.active);
  }

  runningViews(): RunningView[] {
    return [...this.views.values()];
  }

  private dispose(viewId: number): void {
    const record = this.views.get(viewId);
    if (!record) return;
    this.views.delete(viewId);
    this.byWebContents.delete(record.webContentsId);
    if (this.active === viewId) this.active = undefined;
    this.options.container.removeChildView(record.view as unknown as View);
  }

  private raiseShell(): void {
    // re-adding a child moves it to the top of the stack
    this.options.container.addChildView(this.options.shellView as unknown as View);
    // keys the user was typing into the app must land on the sheet, never in the app behind it
    this.options.shellView.webContents.focus();
  }

  private lowerShell(): void {
    // put the app views back on top, oldest first; a closed webContents must never be re-added
    const order = [...this.views.values()].sort((a, b) => a.openedAt - b.openedAt);
    for (const record of order) {
      if (!record.view.webContents.isDestroyed()) this.options.container.addChildView(record.view as unknown as View);
    }
    const active = this.activeView();
    if (active && !active.view.webContents.isDestroyed()) active.view.webContents.focus();
  }
}
