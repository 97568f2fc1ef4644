import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { injectStorageMirror } from '../../../main/storage-mirror';

/**
 * The preloads as Electron runs them: the CJS bundle scripts/build.mjs makes (everything but 'electron'
 * inlined), evaluated in a context that has a browser's globals and `require('electron')` only. No
 * Buffer, no process, no Node modules: a sandboxed preload in Electron 45 has none of them.
 */

async function bundle(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: process.cwd(),
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
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
  world: Record<string, unknown>;
}

function runPreload(code: string, answer: (channel: string, payload: unknown) => unknown, html = ''): Sandbox {
  const exposed: Record<string, unknown> = {};
  const invoked: Sandbox['invoked'] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const mirrorText = /id="superapp-storage-mirror">(.*?)<\/script>/.exec(html)?.[1];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api),
      // same world here; what matters is that the function runs from its own source
      executeInMainWorld: ({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => runInContext(`(${func.toString()})`, context)(...args),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return answer(channel, args[0]);
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, listener),
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
    document: { getElementById: (id: string) => (id === 'superapp-storage-mirror' && mirrorText !== undefined ? { textContent: mirrorText } : null) },
    module: { exports: {} },
    require: (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require("${name}")`);
    },
  };
  world.exports = (world.module as { exports: unknown }).exports;
  const context = createContext(world);
  runInContext(code, context);
  return { exposed, invoked, listeners, world: context as Record<string, unknown> };
}

describe('bundled preloads in a sandbox-like context', () => {
  it('miniapp.cjs installs a frozen window.wx whose calls travel on bridge:call and whose Sync storage reads the embedded mirror', async () => {
    const code = await bundle('preload/miniapp.ts');
    expect(code).not.toMatch(/require\("(?!electron")/);
    const html = injectStorageMirror('<html><head></head><body></body></html>', { greeting: 'hello' });
    const sandbox = runPreload(code, (_channel, request) => ({ v: 1, id: (request as { id: number }).id, ok: true, result: { errMsg: 'login:ok', code: 'c0de' } }), html);
    const wx = sandbox.world.wx as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.isFrozen(wx)).toBe(true);
    expect(wx.getStorageSync!('greeting')).toBe('hello');
    const result = (await wx.login!()) as Record<string, unknown>;
    expect(result).toMatchObject({ errMsg: 'login:ok', code: 'c0de' });
    expect(sandbox.invoked[0]).toMatchObject({ channel: 'bridge:call', args: [{ v: 1, api: 'login', params: {} }] });
    expect(sandbox.exposed).toEqual({});

    // host events reach the page's listeners
    const seen: unknown[] = [];
    wx.onAppHide!((r: unknown) => seen.push(r));
    sandbox.listeners.get('bridge:event')!({}, { v: 1, event: 'appHide', data: {} });
    expect(seen).toHaveLength(1);
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
