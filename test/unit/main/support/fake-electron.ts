import { EventEmitter } from 'node:events';

/**
 * Small stand-ins for the Electron main-process objects the host touches, for vi.mock('electron').
 * They record what the code under test did (views added, bounds, handlers, closes) and let a test
 * play the renderer side (an IPC invoke from a given webContents and frame, a navigation event).
 */

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

let nextWebContentsId = 100;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loaded: string[] = [];
  destroyed = false;
  closeCalls = 0;
  zoomFactor = 1;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  devToolsOpened: unknown[] = [];
  reloads = 0;
  executed: string[] = [];
  focusCalls = 0;

  focus(): void {
    this.focusCalls += 1;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.closeCalls += 1;
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  getZoomFactor(): number {
    return this.zoomFactor;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  openDevTools(options?: unknown): void {
    this.devToolsOpened.push(options);
  }
  reload(): void {
    this.reloads += 1;
  }
  executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return Promise.resolve(undefined);
  }
  /** a subframe of this page (an iframe), for sender checks */
  subframe(url: string): FakeFrame {
    return { url, parent: this.mainFrame };
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeContainer {
  readonly children: unknown[] = [];
  readonly removed: unknown[] = [];
  addChildView(view: unknown, index?: number): void {
    const at = this.children.indexOf(view);
    if (at >= 0) this.children.splice(at, 1);
    if (index === undefined || index >= this.children.length) this.children.push(view);
    else this.children.splice(index, 0, view);
  }
  removeChildView(view: unknown): void {
    const at = this.children.indexOf(view);
    if (at >= 0) this.children.splice(at, 1);
    this.removed.push(view);
  }
}

export class FakeWebContentsView {
  static created: FakeWebContentsView[] = [];
  readonly webContents = new FakeWebContents();
  bounds: Bounds | undefined;
  visible = true;
  background: string | undefined;
  readonly visibility: boolean[] = [];
  constructor(readonly options: { webPreferences?: Record<string, unknown> } = {}) {
    FakeWebContentsView.created.push(this);
  }
  setBounds(bounds: Bounds): void {
    this.bounds = bounds;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.visibility.push(visible);
  }
  setBackgroundColor(color: string): void {
    this.background = color;
  }
}

export class FakeBaseWindow extends EventEmitter {
  static created: FakeBaseWindow[] = [];
  readonly contentView = new FakeContainer();
  size: [number, number] = [1200, 800];
  shown = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBaseWindow.created.push(this);
  }
  getContentSize(): number[] {
    return [...this.size];
  }
  /** what a user's drag does: new size, then the 'resize' event */
  resizeTo(width: number, height: number): void {
    this.size = [width, height];
    this.emit('resize');
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
}

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

export class FakeSession extends EventEmitter {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
      this.handlers.set(scheme, handler);
    },
  };
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void) | undefined;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  headersReceived: ((details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void) | undefined;
  cleared = 0;
  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersReceived']) => {
      this.headersReceived = listener;
    },
  };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  clearStorageData(): Promise<void> {
    this.cleared += 1;
    return Promise.resolve();
  }
  clearCache(): Promise<void> {
    return Promise.resolve();
  }
  /** what Chromium does for a request in this session */
  fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme} in ${this.partition}`);
    return Promise.resolve(handler(new Request(url, init)));
  }
  /** a permission request as Chromium would make it; resolves with the decision */
  requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) => this.permissionRequestHandler!({ getURL: () => requestingUrl }, permission, resolve, { requestingUrl }));
  }
}

const sessions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession('default'),
  fromPartition(partition: string): FakeSession {
    let found = sessions.get(partition);
    if (!found) sessions.set(partition, (found = new FakeSession(partition)));
    return found;
  },
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  /** one-way channels (ipcRenderer.send): ipcMain.on listeners */
  listeners: new Map<string, Set<InvokeHandler>>(),
  removedListeners: [] as string[],
  on(channel: string, listener: InvokeHandler) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  },
  removeListener(channel: string, listener: InvokeHandler) {
    this.listeners.get(channel)?.delete(listener);
    return this;
  },
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
  removeAllListeners(channel: string) {
    this.removedListeners.push(channel);
  },
};

/** Plays the renderer: ipcRenderer.invoke(channel, ...args) from `sender`, sent by `frame` (main frame by default). */
export async function invoke(channel: string, sender: FakeWebContents, args: unknown[], frame: FakeFrame | null = sender.mainFrame): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return handler({ sender, senderFrame: frame }, ...args);
}

/** Plays the renderer: ipcRenderer.send(channel, ...args) from `sender` (one-way, no answer). */
export function sendFromRenderer(channel: string, sender: FakeWebContents, args: unknown[] = [], frame: FakeFrame | null = sender.mainFrame): void {
  for (const listener of ipcMain.listeners.get(channel) ?? []) listener({ sender, senderFrame: frame }, ...args);
}

/** What Chromium reports while a view's main frame loads a new document, up to the end of loading. */
export function navigateMainFrame(webContents: FakeWebContents, url: string): void {
  webContents.mainFrame.url = url;
  webContents.emit('did-start-navigation', { url, isMainFrame: true, isSameDocument: false });
}

export const app = {
  getLocale: () => 'en-US',
  getVersion: () => '0.1.0-test',
  getPath: () => '/tmp/superapp-fake-user-data',
  on: () => app,
};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
  /** what the user picks in the next save dialog (undefined: cancels); each call is recorded */
  saveTo: undefined as string | undefined,
  saveDialogs: [] as Array<{ window: unknown; options: Record<string, unknown> }>,
  async showSaveDialog(window: unknown, options: Record<string, unknown>) {
    dialog.saveDialogs.push({ window, options });
    return dialog.saveTo === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: dialog.saveTo };
  },
  showMessageBox: async () => ({ response: 2, checkboxChecked: false }),
  showErrorBox: (_title: string, _content: string) => undefined,
};

export const Menu = {
  current: undefined as { template: unknown[] } | undefined,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] }) {
    Menu.current = menu;
  },
};

export const protocol = { registerSchemesAsPrivileged: (_schemes: unknown[]) => undefined };

export const BaseWindow = FakeBaseWindow;
export const WebContentsView = FakeWebContentsView;

/** Fresh state for the next test. */
export function resetFakeElectron(): void {
  FakeWebContentsView.created = [];
  FakeBaseWindow.created = [];
  sessions.clear();
  session.defaultSession = new FakeSession('default');
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcMain.removedListeners = [];
  Menu.current = undefined;
  dialog.saveTo = undefined;
  dialog.saveDialogs = [];
}
