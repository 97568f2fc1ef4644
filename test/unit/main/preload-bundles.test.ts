import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { STORAGE_MIRROR_SCRIPT_PATH } from '../../../core/contracts/ipc-channels';
import { injectStorageMirror, STORAGE_MIRROR_SCRIPT } from '../../../main/storage-mirror';

/**
 * The preloads as Electron runs them: the CJS bundle scripts/build.mjs makes (everything but 'electron'
 * inlined), evaluated in a context that has a browser's globals and `require('electron')` only. No
 * Buffer, no process, no Node modules: a sandboxed preload in Electron 45 has none of them.
 */

async function bundle(entry: string, format: 'cjs' | 'iife' = 'cjs'): Promise<string> {
  const result = await build({
    absWorkingDir: process.cwd(),
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    // what scripts/build.mjs does to the injected client; a minifier must not break the installer either
    minify: format === 'iife',
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

interface Sandbox {
  exposed: Record<string, unknown>;
  invoked: Array<{ channel: string; args: unknown[] }>;
  listeners: Map<string, (event: unknown, payload: unknown) => void>;
  /** the preload's isolated world */
  world: Record<string, unknown>;
  /** the page's world: what executeInMainWorld runs in, and where the page's own scripts run */
  mainWorld: Record<string, unknown>;
  /** ipcRenderer.send calls, with the channels that had a listener at that moment */
  sent: Array<{ channel: string; listening: string[] }>;
  document: PageDocument;
}

/**
 * The one DOM both worlds share (Electron's isolated world sees the page's document): elements by id,
 * and events dispatched synchronously to every listener, whichever world added it.
 */
class PageDocument {
  readonly elements = new Map<string, { textContent: string; remove(): void }>();
  private readonly listeners = new Map<string, Set<() => void>>();
  getElementById(id: string) {
    return this.elements.get(id) ?? null;
  }
  addEventListener(type: string, listener: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  dispatchEvent(event: { type: string }): boolean {
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener();
    return true;
  }
  /** what the HTML parser has built once it is past main's data block: the element, complete */
  parseMirrorBlock(html: string): void {
    const text = /id="superapp-storage-mirror">(.*?)<\/script>/.exec(html)?.[1];
    if (text !== undefined) this.elements.set('superapp-storage-mirror', { textContent: text, remove: () => this.elements.delete('superapp-storage-mirror') });
  }
}

/** The page's world: its own global object, with `window` pointing at itself as in a browser. */
function pageWorld(document = new PageDocument()): Record<string, unknown> {
  const main = createContext({ console, setTimeout, clearTimeout, queueMicrotask, structuredClone, document, Event: class { constructor(readonly type: string) {} } });
  runInContext('globalThis.window = globalThis', main);
  return main as Record<string, unknown>;
}

/**
 * The page loading up to its first own script: the parser builds main's data block, then runs main's
 * script (the body main serves at STORAGE_MIRROR_SCRIPT_PATH) in the page's world.
 */
function parseUpToPageScripts(sandbox: Sandbox, html: string): void {
  sandbox.document.parseMirrorBlock(html);
  expect(html).toContain(`<script src="${STORAGE_MIRROR_SCRIPT_PATH}"></script>`);
  runInContext(STORAGE_MIRROR_SCRIPT, sandbox.mainWorld);
}

/** The first lines of every sample and of much WeChat-style code, as a classic (non-module) script. */
const SAMPLE_PAGE_SCRIPT = "const wx = window.wx;\nglobalThis.pageSaw = typeof wx.login + ' ' + typeof wx.getStorageSync;";

function runPreload(code: string, answer: (channel: string, payload: unknown) => unknown): Sandbox {
  const exposed: Record<string, unknown> = {};
  const invoked: Sandbox['invoked'] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const document = new PageDocument();
  const mainWorld = pageWorld(document);
  const sent: Sandbox['sent'] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api),
      // as Electron does: the function's source text alone, evaluated in the page's world
      executeInMainWorld: ({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => runInContext(`(${func.toString()})`, mainWorld)(...args),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return answer(channel, args[0]);
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, listener),
      // one-way messages; recorded with what was listening at that moment
      send: (channel: string) => void sent.push({ channel, listening: [...listeners.keys()] }),
      removeListener: (channel: string) => void listeners.delete(channel),
    },
  };
  const world: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    URL,
    TextEncoder,
    TextDecoder,
    structuredClone,
    document,
    module: { exports: {} },
    require: (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require("${name}")`);
    },
  };
  world.exports = (world.module as { exports: unknown }).exports;
  const context = createContext(world);
  runInContext(code, context);
  return { exposed, invoked, listeners, world: context as Record<string, unknown>, mainWorld, sent, document };
}

describe('bundled preloads in a sandbox-like context', () => {
  it('miniapp.cjs installs a frozen window.wx whose calls travel on bridge:call and whose Sync storage reads the embedded mirror', async () => {
    const code = await bundle('preload/miniapp.ts');
    expect(code).not.toMatch(/require\("(?!electron")/);
    const html = injectStorageMirror('<html><head></head><body></body></html>', { greeting: 'hello' });
    const sandbox = runPreload(code, (_channel, request) => ({ v: 1, id: (request as { id: number }).id, ok: true, result: { errMsg: 'login:ok', code: 'c0de' } }));
    parseUpToPageScripts(sandbox, html);
    const wx = sandbox.mainWorld.wx as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.isFrozen(wx)).toBe(true);
    expect(wx.getStorageSync!('greeting')).toBe('hello');
    const result = (await wx.login!()) as Record<string, unknown>;
    expect(result).toMatchObject({ errMsg: 'login:ok', code: 'c0de' });
    expect(sandbox.invoked[0]).toMatchObject({ channel: 'bridge:call', args: [{ v: 1, api: 'login', params: {} }] });
    // the only other thing the page gets: the inspector's one-way report hook, on its own channel
    expect(Object.keys(sandbox.exposed)).toEqual(['__superappDevtools']);
    // main holds host events until this document says it listens, and it says so only once it does
    expect(sandbox.sent).toEqual([{ channel: 'bridge:ready', listening: ['bridge:event'] }]);
    (sandbox.exposed.__superappDevtools as { report(f: unknown): void }).report({ v: 1, devtools: [] });
    expect(sandbox.sent.at(-1)).toMatchObject({ channel: 'bridge:devtools' });

    // host events reach the page's listeners
    const seen: unknown[] = [];
    wx.onAppHide!((r: unknown) => seen.push(r));
    sandbox.listeners.get('bridge:event')!({}, { v: 1, event: 'appHide', data: {} });
    expect(seen).toHaveLength(1);
  });

  it("miniapp.cjs: a page whose first line is `const wx = window.wx` runs (the global is configurable)", async () => {
    const code = await bundle('preload/miniapp.ts');
    const sandbox = runPreload(code, () => undefined);
    parseUpToPageScripts(sandbox, injectStorageMirror('<html><head></head></html>', {}));
    expect(Object.getOwnPropertyDescriptor(sandbox.mainWorld, 'wx')).toMatchObject({ configurable: true, writable: false });
    runInContext(SAMPLE_PAGE_SCRIPT, sandbox.mainWorld);
    expect(sandbox.mainWorld.pageSaw).toBe('function function');
  });

  it('miniapp.cjs: storage is taken before the page runs, so a page that rewrites <head> first still reads it', async () => {
    const code = await bundle('preload/miniapp.ts');
    const sandbox = runPreload(code, () => undefined);
    parseUpToPageScripts(sandbox, injectStorageMirror('<!doctype html><html><head><title>t</title></head></html>', { greeting: 'hello', cart: [1, 2] }));
    // the data block is gone from the page's DOM, as the browser host removes its boot data
    expect(sandbox.document.getElementById('superapp-storage-mirror')).toBeNull();
    // the page's first own script rewrites <head> (the mirror element would be gone anyway), then reads storage
    runInContext("document.elements.clear();\nglobalThis.read = [window.wx.getStorageSync('greeting'), window.wx.getStorageInfoSync().keys.join()];", sandbox.mainWorld);
    expect(sandbox.mainWorld.read).toEqual(['hello', 'greeting,cart']);
  });

  it("the browser host's injected client (dist/client/wx.js) installs wx the same way: the same page script runs", async () => {
    const code = await bundle('client/inject.ts', 'iife');
    const main = pageWorld();
    const boot = { v: 1, viewId: 3, token: 't'.repeat(32), wsUrl: 'ws://shop.localhost:9/ws/bridge', storageMirror: { greeting: 'hello' } };
    Object.assign(main, {
      document: { getElementById: (id: string) => (id === '__superapp_boot__' ? { textContent: JSON.stringify(boot), remove: () => undefined } : null) },
      location: { href: 'http://shop.localhost:9/index.html' },
      history: { state: null, replaceState: () => undefined },
      // the socket is opened lazily or at once; either way it never connects here
      WebSocket: class {
        readonly readyState = 0;
        addEventListener(): void {}
        send(): void {}
        close(): void {}
      },
      URL,
    });
    runInContext(code, main);
    expect(Object.getOwnPropertyDescriptor(main, 'wx')).toMatchObject({ configurable: true, writable: false });
    runInContext(SAMPLE_PAGE_SCRIPT, main);
    expect(main.pageSaw).toBe('function function');
    expect((main.wx as { getStorageSync(k: string): unknown }).getStorageSync('greeting')).toBe('hello');
  });

  it('shell.cjs exposes superappShell { call, onEvent } and nothing else', async () => {
    const code = await bundle('preload/shell.ts');
    const sandbox = runPreload(code, (channel) => (channel === 'shell:getHostInfo' ? { ok: true, output: { host: 'electron', version: '1', keepAlive: 3 } } : undefined));
    expect(Object.keys(sandbox.exposed)).toEqual(['superappShell']);
    const api = sandbox.exposed.superappShell as { call(c: string, i: unknown): Promise<unknown>; onEvent(l: (e: unknown) => void): () => void };
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
    expect(await api.call('getHostInfo', {})).toEqual({ host: 'electron', version: '1', keepAlive: 3 });
    expect(sandbox.invoked).toEqual([{ channel: 'shell:getHostInfo', args: [{}] }]);
  });
});
