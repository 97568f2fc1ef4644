import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../web/host';

/** Resolves every name to loopback, as Chromium does for *.localhost, so tests can use the real host names. */
export const loopbackLookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options?.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

export interface FixtureApp {
  appId: string;
  files?: Record<string, string>;
  customApi?: string[];
}

export function writeApp(dir: string, app: FixtureApp): string {
  const folder = join(dir, app.appId);
  mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      appId: app.appId,
      name: `App ${app.appId}`,
      version: '1.0.0',
      entry: 'index.html',
      icon: 'icon.svg',
      permissions: { openApi: [], customApi: app.customApi ?? ['echo', 'notes.add', 'notes.list'] },
    }),
    'index.html': '<!doctype html>\n<html><head><title>t</title><script>window.__first = typeof wx;</script></head><body><p>hello</p><script src="app.js"></script></body></html>',
    'app.js': 'console.log("app");',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'data.json': '{"a":1}',
    ...app.files,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

export interface TestHost {
  host: WebHost;
  dir: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A real browser host on an ephemeral loopback port, with two dev apps and a stand-in shell page. */
export async function startTestHost(apps: FixtureApp[] = [{ appId: 'alpha' }, { appId: 'beta' }], extra: Partial<WebHostOptions> = {}): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'webhost-test-'));
  const dataDir = join(dir, 'data');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Shell</title></head><body><script type="module" src="app.js"></script></body></html>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("shell");');
  const wxScriptFile = join(dir, 'wx.js');
  writeFileSync(wxScriptFile, '/* wx */');
  const folders = apps.map((a) => writeApp(join(dir, 'src'), a));
  const host = await startWebHost({
    port: 0,
    dataDir,
    apps: folders,
    quiet: true,
    examplesDir: null,
    backends: false,
    rendererDir,
    wxScriptFile,
    devDebounceMs: 50,
    ...extra,
  });
  return {
    host,
    dir,
    dataDir,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request to the host: the path is sent exactly as given (no URL normalisation). */
export function http(port: number, options: { host: string; path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { Host: options.host, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export type WsOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number; body: string };

/** Opens a WebSocket with a chosen Host (via the URL) and Origin; reports the HTTP refusal if any. */
export function connectWs(url: string, origin: string | undefined): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { ...(origin ? { origin } : {}), lookup: loopbackLookup });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    socket.once('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e);
    });
  });
}

/** Next JSON message on a socket that satisfies `match`. */
export function nextMessage<T = Record<string, unknown>>(socket: WebSocket, match: (m: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const m = JSON.parse(data.toString()) as T;
      if (match(m)) {
        socket.off('message', onMessage);
        resolve(m);
      }
    };
    socket.on('message', onMessage);
  });
}

export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (socket.readyState === socket.CLOSED) resolve({ code: 1006, reason: '' });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** A connected shell page stand-in: calls commands over /ws/shell. */
export async function shellClient(port: number, token: string): Promise<{ call(command: string, input?: unknown): Promise<{ ok: boolean; output?: unknown; error?: { message: string; hint?: string } }>; socket: WebSocket }> {
  const outcome = await connectWs(`ws://localhost:${port}/ws/shell?token=${token}`, `http://localhost:${port}`);
  if (!outcome.opened) throw new Error(`shell socket refused: ${outcome.status} ${outcome.body}`);
  const socket = outcome.socket;
  let id = 0;
  return {
    socket,
    async call(command, input = {}) {
      const myId = ++id;
      const answer = nextMessage<{ kind: string; id: number; ok: boolean; output?: unknown; error?: { message: string } }>(socket, (m) => m.kind === 'result' && m.id === myId);
      socket.send(JSON.stringify({ kind: 'call', id: myId, command, input }));
      return answer;
    },
  };
}

/**
 * The token the host embedded for a view, read from the served entry page like the page itself would.
 * Serving the page uses up the URL's one-time load key; `reloadUrl` carries the key for the next load.
 */
export async function viewTokenFromPage(port: number, url: string): Promise<{ token: string; page: string; reloadUrl: string }> {
  const u = new URL(url);
  const page = await http(port, { host: u.host, path: u.pathname + u.search });
  const m = /<script type="application\/json" id="__superapp_boot__">(.*?)<\/script>/.exec(page.body);
  if (!m) throw new Error(`no boot block in ${url} (${page.status}): ${page.body.slice(0, 200)}`);
  const boot = JSON.parse(m[1]!) as { token: string; reloadKey?: string };
  const next = new URL(url);
  if (boot.reloadKey) next.searchParams.set('__load', boot.reloadKey);
  return { token: boot.token, page: page.body, reloadUrl: next.href };
}

/** Polls until `check` holds; bounded so a broken host fails the test instead of hanging it. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
