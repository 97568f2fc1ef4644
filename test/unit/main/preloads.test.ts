import { EventEmitter } from 'node:events';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { installWx } from '../../../client/install-wx';
import { ipcChannels } from '../../../core/contracts/ipc-channels';
import { injectStorageMirror } from '../../../main/storage-mirror';
import { createWx } from '../../../client';
import { okAnswer, scriptedTransport } from '../client/fake-transport';
import { createIpcTransport } from '../../../preload/miniapp-bridge';
import { createShellBridge } from '../../../preload/shell-bridge';
import { readStorageMirror } from '../../../preload/storage-mirror-reader';

/** ipcRenderer as the preload sees it: invoke answers from a table, on/removeListener on an emitter. */
function fakeIpcRenderer(answers: Record<string, unknown> = {}) {
  const emitter = new EventEmitter();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  return {
    invoked,
    emitter,
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return answers[channel];
    }),
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    send: vi.fn((channel: string) => void invoked.push({ channel, args: [] })),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => emitter.removeListener(channel, listener),
  };
}

describe('shell preload: window.superappShell', () => {
  it('calls the command on its own channel and returns the output', async () => {
    const ipc = fakeIpcRenderer({ 'shell:listApps': { ok: true, output: [{ appId: 'shop' }] } });
    const api = createShellBridge(ipc as never);
    expect(await api.call('listApps', {})).toEqual([{ appId: 'shop' }]);
    expect(ipc.invoked).toEqual([{ channel: 'shell:listApps', args: [{}] }]);
  });

  it('rejects with { message, hint } as plain data so the hint survives contextBridge', async () => {
    const ipc = fakeIpcRenderer({ 'shell:uninstall': { ok: false, error: { message: '"x" is not installed', hint: 'Refresh the catalog.' } } });
    const api = createShellBridge(ipc as never);
    const error = await api.call('uninstall', { appId: 'x' }).catch((e: unknown) => e);
    expect(error).toEqual({ name: 'ShellCommandError', message: '"x" is not installed', hint: 'Refresh the catalog.' });
    expect(error).not.toBeInstanceOf(Error);
  });

  it('refuses an unknown command without touching IPC, and a malformed host answer with a rebuild hint', async () => {
    const ipc = fakeIpcRenderer({ 'shell:getWallet': { nonsense: true } });
    const api = createShellBridge(ipc as never);
    await expect(api.call('rm -rf', {})).rejects.toMatchObject({ message: 'Unknown shell command "rm -rf"' });
    expect(ipc.invoked).toEqual([]);
    await expect(api.call('getWallet', {})).rejects.toMatchObject({ hint: expect.stringMatching(/Rebuild/) });
  });

  it('onEvent delivers host events and its unsubscribe function stops them', () => {
    const ipc = fakeIpcRenderer();
    const api = createShellBridge(ipc as never);
    const seen: unknown[] = [];
    const off = api.onEvent((e) => seen.push(e));
    ipc.emitter.emit(ipcChannels.shellEvent, {}, { type: 'appsChanged' });
    off();
    ipc.emitter.emit(ipcChannels.shellEvent, {}, { type: 'walletChanged' });
    expect(seen).toEqual([{ type: 'appsChanged' }]);
    expect(ipc.emitter.listenerCount(ipcChannels.shellEvent)).toBe(0);
  });
});

describe('mini program preload', () => {
  it('the transport invokes bridge:call with the envelope and hands host events to the client', async () => {
    const ipc = fakeIpcRenderer({ 'bridge:call': { v: 1, id: 1, ok: true, result: { errMsg: 'login:ok', code: 'c' } } });
    const transport = createIpcTransport(ipc as never);
    const events: unknown[] = [];
    transport.onEvent((e) => events.push(e));
    expect(await transport.request({ v: 1, id: 1, api: 'login', params: {} })).toMatchObject({ ok: true });
    expect(ipc.invoked).toEqual([
      { channel: 'bridge:ready', args: [] },
      { channel: 'bridge:call', args: [{ v: 1, id: 1, api: 'login', params: {} }] },
    ]);
    ipc.emitter.emit(ipcChannels.bridgeEvent, {}, { v: 1, event: 'appHide', data: {} });
    expect(events).toEqual([{ v: 1, event: 'appHide', data: {} }]);
  });

  it('reads back exactly the storage main embedded, including values with "</script>" in them', () => {
    const mirror = { note: '</script><b>x</b>', n: 3, nested: { list: [1, 'two'] } };
    const html = injectStorageMirror('<!doctype html><html><head><title>t</title></head><body></body></html>', mirror);
    const text = /<script type="application\/json" id="superapp-storage-mirror">(.*?)<\/script>/.exec(html)![1]!;
    const doc = { getElementById: (id: string) => (id === 'superapp-storage-mirror' ? { textContent: text } : null) };
    expect(readStorageMirror(doc as never)).toEqual(mirror);
  });

  it('a page without the element, or with a broken one, gets empty storage rather than an exception', () => {
    expect(readStorageMirror({ getElementById: () => null } as never)).toEqual({});
    expect(readStorageMirror({ getElementById: () => ({ textContent: '{broken' }) } as never)).toEqual({});
    expect(readStorageMirror({ getElementById: () => ({ textContent: '[1,2]' }) } as never)).toEqual({});
  });

  it("inserts the mirror, then main's own script that hands it over, first in <head> (or a new head)", () => {
    const handOver = '<script src="/__superapp__/storage-mirror.js"></script>';
    expect(injectStorageMirror('<html lang="en"><body>x</body></html>', {})).toBe(
      `<html lang="en"><head><script type="application/json" id="superapp-storage-mirror">{}</script>${handOver}</head><body>x</body></html>`,
    );
    expect(injectStorageMirror('<!DOCTYPE html><p>bare</p>', { a: 1 })).toBe(`<!DOCTYPE html><script type="application/json" id="superapp-storage-mirror">{"a":1}</script>${handOver}<p>bare</p>`);
    expect(injectStorageMirror('<HEAD data-x="1"><meta charset="utf-8"></HEAD>', {})).toMatch(/^<HEAD data-x="1"><script type="application\/json"/);
  });
});

describe('window.wx in the page world', () => {
  /** runs the installer the way executeInMainWorld does: its source alone, in a fresh global */
  function install(bridged: Record<string, unknown>) {
    const world: Record<string, unknown> = { console };
    runInNewContext(`(${installWx.toString()})(bridged)`, Object.assign(world, { bridged }));
    return world.wx as Record<string, (...args: unknown[]) => unknown>;
  }

  function bridgedWx() {
    const hostListeners: Record<string, Array<(r: unknown) => void>> = { appShow: [], appHide: [] };
    return {
      hostListeners,
      bridged: {
        login: vi.fn(() => 'login-called'),
        onAppShow: (l: (r: unknown) => void) => hostListeners.appShow!.push(l),
        offAppShow: vi.fn(),
        onAppHide: (l: (r: unknown) => void) => hostListeners.appHide!.push(l),
        offAppHide: vi.fn(),
      },
    };
  }

  it('is self-contained (runs from its source alone) and exposes every bridged API, frozen and not assignable', () => {
    const { bridged } = bridgedWx();
    const wx = install(bridged);
    expect(wx.login!()).toBe('login-called');
    expect(Object.isFrozen(wx)).toBe(true);
    expect(Object.keys(wx).sort()).toEqual(['login', 'offAppHide', 'offAppShow', 'onAppHide', 'onAppShow']);
  });

  it("leaves window.wx configurable, so a classic script's top-level `const wx = window.wx` runs", () => {
    const world = createContext({ console });
    runInContext('globalThis.window = globalThis', world);
    runInContext(`(${installWx.toString()})(bridged)`, Object.assign(world, { bridged: bridgedWx().bridged }));
    expect(Object.getOwnPropertyDescriptor(world, 'wx')).toMatchObject({ writable: false, configurable: true, enumerable: true });
    // a classic script (not a module): its top-level const meets the global object's own property
    runInContext("const wx = window.wx;\nglobalThis.seen = typeof wx.login + ' ' + (wx === window.wx);", world);
    expect(world.seen).toBe('function true');
    // plain assignment cannot swap the object (non-writable; sloppy mode ignores it, strict mode throws)
    expect(() => runInContext("'use strict'; window.wx = {}", world)).toThrow(/read only property 'wx'/);
  });

  it('offAppShow(listener) removes exactly that listener (identity kept in the page world), off() removes all', () => {
    const { bridged, hostListeners } = bridgedWx();
    const wx = install(bridged);
    const seen: string[] = [];
    const first = () => seen.push('first');
    const second = () => seen.push('second');
    wx.onAppShow!(first);
    wx.onAppShow!(second);
    hostListeners.appShow![0]!({});
    wx.offAppShow!(first);
    hostListeners.appShow![0]!({});
    wx.offAppShow!();
    hostListeners.appShow![0]!({});
    expect(seen).toEqual(['first', 'second', 'second']);
    // only one bridged listener per event, whatever the page registers
    expect(hostListeners.appShow).toHaveLength(1);
  });

  it('a listener that throws does not stop the others; a non-function listener is refused', () => {
    const { bridged, hostListeners } = bridgedWx();
    const wx = install(bridged);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    wx.onAppHide!(() => {
      throw new Error('page bug');
    });
    wx.onAppHide!((r: unknown) => seen.push(r));
    hostListeners.appHide![0]!({ reason: 'switch' });
    expect(seen).toEqual([{ reason: 'switch' }]);
    expect(errors).toHaveBeenCalled();
    expect(() => wx.onAppShow!('nope')).toThrow('wx.onAppShow: listener must be a function');
    errors.mockRestore();
  });

  it('task listeners and the global socket listeners keep their identity, and SocketTask.readyState follows its events', async () => {
    const transport = scriptedTransport((msg) => okAnswer(msg));
    const real = createWx(transport) as unknown as Record<string, (...args: unknown[]) => unknown>;
    // contextBridge hands the page copies: a getter's value is read once, functions are proxied
    const copy = (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => ({ ...(fn(...args) as object) });
    const bridged = { ...real, request: copy(real.request!), connectSocket: copy(real.connectSocket!) };
    const wx = install(bridged);

    const task = wx.request!({ url: 'https://api.example.com/' }) as Record<string, (...args: unknown[]) => unknown>;
    const requestId = (transport.sent.at(-1)!.params as { taskId: string }).taskId;
    const seen: string[] = [];
    const first = () => seen.push('first');
    task.onHeadersReceived!(first);
    task.onHeadersReceived!(() => seen.push('second'));
    task.offHeadersReceived!(first);
    transport.emit({ v: 1, event: 'networkTask', data: { taskId: requestId, type: 'headersReceived', detail: { statusCode: 200, header: {}, cookies: [] } } });
    expect(seen).toEqual(['second']);

    const socket = wx.connectSocket!({ url: 'wss://chat.example.com/' }) as Record<string, unknown> & { readyState: number };
    const socketId = (transport.sent.at(-1)!.params as { taskId: string }).taskId;
    const messages: unknown[] = [];
    const onMessage = (m: unknown) => messages.push(m);
    wx.onSocketMessage!(onMessage);
    expect(socket.readyState).toBe(0);
    const event = (type: string, detail: Record<string, unknown> = {}) => transport.emit({ v: 1, event: 'networkTask', data: { taskId: socketId, type, detail } });
    event('open', { header: {} });
    expect(socket.readyState).toBe(1);
    event('message', { data: 'one' });
    wx.offSocketMessage!(onMessage);
    event('message', { data: 'two' });
    expect(messages).toEqual([{ data: 'one' }]);
    event('close', { code: 1000, reason: '' });
    expect(socket.readyState).toBe(3);
    expect(Object.isFrozen(socket)).toBe(true);
  });
});

