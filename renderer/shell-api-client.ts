import type { ShellApi } from '../core/contracts/shell-api';
import { ShellCallError } from './lib/errors';
import { downloadText } from './transport/download';
import { typedShellApi, type RawShellTransport } from './transport/typed-api';
import { uploadChosenFile, uploadPackage, type PackageFile } from './transport/upload';
import { createWsTransport, type ConnectionState } from './transport/ws-transport';

export type { ConnectionState } from './transport/ws-transport';

/** The shell API plus what differs between the two hosts. */
export interface ShellClient extends ShellApi {
  readonly transport: 'electron' | 'web';
  /** Electron's IPC never drops; the browser host's WebSocket can, and reconnects by itself. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** browser host: uploads a picked .zip and returns the `source` to install; Electron uses pickPackage */
  upload(file: PackageFile): Promise<string>;
  /** browser host: uploads an image picked in a chooser sheet and returns its upload id for the sheet's answer */
  uploadChosen(file: PackageFile): Promise<string>;
  /**
   * Saves a text file the user asked for (the inspector's export). Electron: the host's save dialog and the
   * host writes it (its shell page may not download); browser host: a download from the page.
   */
  saveFile(fileName: string, content: string): Promise<SavedFile>;
}

export type SavedFile = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'downloaded' };

declare global {
  interface Window {
    /** exposed by the Electron shell preload */
    superappShell?: RawShellTransport;
  }
}

/** The browser host injects <meta name="shell-token" content="...">; the last non-empty one wins. */
export function shellToken(doc: Document): string | undefined {
  const metas = [...doc.querySelectorAll<HTMLMetaElement>('meta[name="shell-token"]')];
  return metas.map((m) => m.content).filter((c) => c.length > 0).pop();
}

export function shellSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/shell?token=${encodeURIComponent(token)}`;
}

/** Picks the transport the page was given: Electron's preload object, else the browser host's WebSocket. */
export function createShellApiClient(win: Window = window): ShellClient {
  const exposed = win.superappShell;
  if (exposed) {
    const api = typedShellApi(exposed);
    return {
      ...api,
      transport: 'electron',
      onConnection: () => () => undefined,
      upload: () => Promise.reject(new ShellCallError('Uploading is only for the browser host.', 'Use "Choose package…" instead.')),
      // the desktop host chooses images with its own dialog: no chooser sheet is ever shown here
      uploadChosen: () => Promise.reject(new ShellCallError('Uploading is only for the browser host.', 'The desktop host opens its own file dialog.')),
      async saveFile(fileName, content) {
        const { path } = await api.call('saveFile', { fileName, content });
        return path === null ? { kind: 'cancelled' } : { kind: 'saved', path };
      },
    };
  }

  const token = shellToken(win.document);
  if (!token) {
    throw new ShellCallError(
      'This page was opened without a shell token, so it cannot talk to the host.',
      'Open the address the browser host printed when it started (it includes the token).',
    );
  }
  const ws = createWsTransport({
    url: shellSocketUrl(win.location, token),
    openSocket(url, handlers) {
      const socket = new WebSocket(url);
      socket.addEventListener('open', () => handlers.open());
      socket.addEventListener('message', (event) => handlers.message(event.data));
      socket.addEventListener('close', () => handlers.close());
      return { send: (data) => socket.send(data), close: () => socket.close() };
    },
    setTimer: (run, ms) => win.setTimeout(run, ms),
    clearTimer: (handle) => win.clearTimeout(handle as number),
  });
  win.addEventListener('pagehide', () => ws.close());
  const api = typedShellApi(ws);
  return {
    ...api,
    transport: 'web',
    onConnection: (listener) => ws.onConnection(listener),
    upload: (file) => uploadPackage(file, token, (url, init) => win.fetch(url, init)),
    uploadChosen: (file) => uploadChosenFile(file, token, (url, init) => win.fetch(url, init)),
    saveFile(fileName, content) {
      downloadText(win.document, fileName, content, 'application/json');
      return Promise.resolve({ kind: 'downloaded' });
    },
  };
}
