import { WebSocket as WsSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebSocketTransport } from '../../../client/transports/websocket';
import { loopbackLookup, shellClient, startTestHost, viewTokenFromPage, waitFor, type TestHost } from './helpers';

let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

/** A page-like WebSocket for app `app`: Node has no page origin, so the ws client sends the app's. */
function pageSocket(app: string) {
  return class extends WsSocket {
    constructor(url: string) {
      super(url, { origin: `http://${app}.localhost:${port}`, lookup: loopbackLookup });
    }
  } as unknown as new (url: string) => WebSocket;
}

async function launchedTransport(app: string, extra: { onReload?: () => void; maxRetries?: number } = {}) {
  const shell = await shellClient(port, t.host.shellToken);
  const { url, viewId } = (await shell.call('launch', { appId: app })).output as { url: string; viewId: number };
  shell.socket.close();
  const { token } = await viewTokenFromPage(port, url);
  const transport = createWebSocketTransport({ wsUrl: `ws://${app}.localhost:${port}/ws/bridge`, viewId, token, WebSocketImpl: pageSocket(app), ...extra });
  return { transport, viewId };
}

describe('browser WebSocket transport', () => {
  it('matches concurrent responses to their requests by id', async () => {
    const { transport } = await launchedTransport('alpha');
    const [set, info, missing] = await Promise.all([
      transport.request({ v: 1, id: 'a', api: 'setStorage', params: { key: 'k', data: 42 } }),
      transport.request({ v: 1, id: 'b', api: 'getSystemInfo', params: {} }),
      transport.request({ v: 1, id: 'c', api: 'noSuchApi', params: {} }),
    ]);
    expect(set).toMatchObject({ id: 'a', ok: true, result: { errMsg: 'setStorage:ok' } });
    expect(info).toMatchObject({ id: 'b', ok: true, result: { errMsg: 'getSystemInfo:ok' } });
    expect(missing).toMatchObject({ id: 'c', ok: false });
    expect(await transport.echo('hello')).toBe('hello');
    transport.close();
  });

  it('opens its socket after the task that made it (calls made first wait and are answered); closed at once, it never opens one', async () => {
    const opened: string[] = [];
    const Base = pageSocket('alpha');
    const Counting = class extends (Base as unknown as new (url: string) => object) {
      constructor(url: string) {
        super(url);
        opened.push(url);
      }
    } as unknown as new (url: string) => WebSocket;
    const shell = await shellClient(port, t.host.shellToken);
    const launchOne = async () => {
      const { url, viewId } = (await shell.call('launch', { appId: 'alpha' })).output as { url: string; viewId: number };
      const { token } = await viewTokenFromPage(port, url);
      return { viewId, transport: createWebSocketTransport({ wsUrl: `ws://alpha.localhost:${port}/ws/bridge`, viewId, token, WebSocketImpl: Counting }) };
    };
    // wx.js makes the transport before the page's own scripts: opening the socket must not cost them that time
    const { transport, viewId } = await launchOne();
    expect(opened).toHaveLength(0);
    const first = transport.request({ v: 1, id: 'first', api: 'getStorageInfo', params: {} });
    expect(opened).toHaveLength(0);
    expect(await first).toMatchObject({ id: 'first', ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    expect(opened).toHaveLength(1);
    transport.close();
    await shell.call('close', { viewId });

    const { transport: closedAtOnce } = await launchOne();
    closedAtOnce.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(opened).toHaveLength(1);
    expect(await closedAtOnce.request({ v: 1, id: 1, api: 'getStorageInfo', params: {} })).toEqual({ v: 1, id: 1, ok: false, errMsg: 'getStorageInfo:fail this view is closed; relaunch the mini program' });
    shell.socket.close();
  });

  it('reconnects with the same token after the socket drops, and fails only what was in flight', async () => {
    const { transport, viewId } = await launchedTransport('alpha');
    expect(await transport.request({ v: 1, id: 1, api: 'getStorageInfo', params: {} })).toMatchObject({ ok: true });
    const binding = t.host.views.openViews().find((v) => v.viewId === viewId)!;
    const dropped = binding.socket!;
    dropped.terminate();
    // sent in the same tick, before the page notices: it was in flight when the socket died
    const inFlight = transport.request({ v: 1, id: 2, api: 'getStorageInfo', params: {} });
    expect(await inFlight).toEqual({ v: 1, id: 2, ok: false, errMsg: 'getStorageInfo:fail bridge disconnected' });
    await waitFor(() => !!binding.socket && binding.socket !== dropped, 'the page to reconnect');
    expect(await transport.request({ v: 1, id: 3, api: 'getStorageInfo', params: {} })).toMatchObject({ id: 3, ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    transport.close();
  });

  it('fails every later call with a clear errMsg once the shell closed the view', async () => {
    const { transport, viewId } = await launchedTransport('beta');
    expect(await transport.request({ v: 1, id: 1, api: 'getStorageInfo', params: {} })).toMatchObject({ ok: true });
    const shell = await shellClient(port, t.host.shellToken);
    await shell.call('close', { viewId });
    shell.socket.close();
    // the close frame may still be on its way: poll via echo, which resolves undefined once dead
    await waitFor(async () => (await transport.echo('x')) === undefined, 'the close to reach the page');
    expect(await transport.request({ v: 1, id: 2, api: 'getStorageInfo', params: {} })).toEqual({
      v: 1,
      id: 2,
      ok: false,
      errMsg: 'getStorageInfo:fail this view is closed; relaunch the mini program',
    });
  });

  it('hands host events (appHide) to listeners', async () => {
    const { transport } = await launchedTransport('alpha');
    const events: unknown[] = [];
    transport.onEvent((e) => events.push(e));
    expect(await transport.echo('ready')).toBe('ready');
    const shell = await shellClient(port, t.host.shellToken);
    await shell.call('launch', { appId: 'beta' });
    shell.socket.close();
    await waitFor(() => events.length > 0, 'appHide');
    expect(events[0]).toEqual({ v: 1, event: 'appHide', data: {} });
    transport.close();
  });
});
