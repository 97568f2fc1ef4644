import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, makeCert, netHarness, settle, startServer, waitFor, type NetHarness, type TestCert, type TestServer } from './support';

let cert: TestCert;
let server: TestServer;
let h: NetHarness;

beforeAll(async () => {
  cert = makeCert();
  server = await startServer(cert);
});

afterAll(async () => {
  await server.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

afterEach(() => h?.close());

const wss = (host = 'localhost') => `wss://${host}:${server.port}/ws`;

describe('wx.connectSocket through the host', () => {
  it('opens, echoes text and binary, and closes with the code given; the global forms follow the latest socket', async () => {
    h = netHarness(server, cert, { allowed: [`wss://localhost:${server.port}`] });
    const log: string[] = [];
    const globalMessages: unknown[] = [];
    h.wx.onSocketMessage((m) => globalMessages.push(m.data));
    const connected = await settle<{ errMsg: string }>((cb) => {
      const task = h.wx.connectSocket({ url: wss(), ...cb });
      task.onOpen((r) => log.push(`open ${typeof r.header}`));
      task.onMessage((m) => log.push(typeof m.data === 'string' ? `text ${m.data}` : `binary ${[...new Uint8Array(m.data)].join(',')}`));
      task.onClose((c) => log.push(`close ${c.code} ${c.reason}`));
      void waitFor(() => log.length >= 2, 'open and hello').then(async () => {
        expect(task.readyState).toBe(task.OPEN);
        await task.send({ data: 'ping' });
        await task.send({ data: new Uint8Array([1, 2, 3]).buffer });
        await waitFor(() => log.length >= 4, 'two echoes');
        await task.close({ code: 3001, reason: 'done here' });
      });
    });
    expect(connected.result).toEqual({ errMsg: 'connectSocket:ok' });
    await waitFor(() => log.some((l) => l.startsWith('close')), 'close');
    expect(log).toEqual([
      'open object',
      `text hello https://servicewechat.superapp.invalid/${APP_ID}/2.3.4/page-frame.html`,
      'text ping',
      'binary 1,2,3',
      'close 3001 done here',
    ]);
    expect(globalMessages.length).toBe(3);
    // after the close the global form has nothing to send on
    await expect(h.wx.sendSocketMessage({ data: 'late' })).rejects.toEqual({ errMsg: 'sendSocketMessage:fail WebSocket is not connected' });
  });

  it('reports the server closing, and refuses an undeclared domain and a name resolving to loopback', async () => {
    h = netHarness(server, cert, { allowed: [`wss://localhost:${server.port}`] });
    const closes: Array<{ code: number; reason: string }> = [];
    h.wx.onSocketClose((c) => closes.push(c));
    h.wx.onSocketOpen(() => void h.wx.sendSocketMessage({ data: 'bye' }));
    h.wx.connectSocket({ url: wss() });
    await waitFor(() => closes.length === 1, 'server close');
    expect(closes).toEqual([{ code: 4001, reason: 'server says bye' }]);

    const refused = await settle<{ errMsg: string }>((cb) => h.wx.connectSocket({ url: 'wss://chat.elsewhere.test/ws', ...cb }));
    expect(refused.result).toEqual({ errMsg: 'connectSocket:fail url not in domain list', errno: 600002 });

    const errors: string[] = [];
    const rebind = await settle<{ errMsg: string }>((cb) => {
      const task = h.wx.connectSocket({ url: wss('rebind.test'), ...cb });
      task.onError((e) => errors.push(e.errMsg));
    });
    expect(rebind.result).toEqual({ errMsg: 'connectSocket:ok' });
    await waitFor(() => errors.length > 0, 'socket error');
    expect(errors[0]).toBe('address not allowed: 127.0.0.1 is a loopback address');
  });

  it('validates close codes and allows at most 5 sockets per app', async () => {
    h = netHarness(server, cert, { allowed: [`wss://localhost:${server.port}`] });
    const tasks = Array.from({ length: 5 }, () => h.wx.connectSocket({ url: wss() }));
    const sixth = await settle<{ errMsg: string }>((cb) => h.wx.connectSocket({ url: wss(), ...cb }));
    expect(sixth.result).toEqual({ errMsg: 'connectSocket:fail exceed max task count: at most 5 sockets at once' });
    await expect(tasks[0]!.close({ code: 1234 })).rejects.toMatchObject({ errMsg: expect.stringContaining('closeSocket:fail parameter error') });
    h.network.viewClosed(h.caller.webViewId);
    await waitFor(() => tasks.every((t) => t.readyState === t.CLOSED), 'every socket closed with the view');
  });
});
