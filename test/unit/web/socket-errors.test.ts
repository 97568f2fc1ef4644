import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closed, connectWs, http, nextMessage, shellClient, startTestHost, viewTokenFromPage, type TestHost } from './helpers';

/**
 * A peer that breaks the WebSocket rules (a frame over maxPayload, here) makes ws emit 'error' on the
 * server-side socket. Without a listener that is an uncaught exception that takes the whole host down,
 * so these tests send such frames over real loopback sockets and then ask the host something else.
 */
let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

const THREE_MIB = 3 * 1024 * 1024;

async function launchedView(appId: string) {
  const shell = await shellClient(port, t.host.shellToken);
  const { url, viewId } = (await shell.call('launch', { appId })).output as { url: string; viewId: number };
  shell.socket.close();
  const { token } = await viewTokenFromPage(port, url);
  return { viewId, token };
}

async function openBridge(viewId: number, token: string) {
  const outcome = await connectWs(`ws://alpha.localhost:${port}/ws/bridge?view=${viewId}&token=${encodeURIComponent(token)}`, `http://alpha.localhost:${port}`);
  if (!outcome.opened) throw new Error(`bridge refused: ${outcome.status} ${outcome.body}`);
  return outcome.socket;
}

describe('a socket that sends an oversized frame', () => {
  it('closes that bridge socket with 1009 and the host keeps answering', async () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { viewId, token } = await launchedView('alpha');
    const socket = await openBridge(viewId, token);
    socket.on('error', () => undefined); // the client side sees the close, nothing else
    const gone = closed(socket);
    socket.send(JSON.stringify({ v: 1, id: 1, api: 'setStorage', params: { key: 'k', data: 'x'.repeat(THREE_MIB) } }));
    expect((await gone).code).toBe(1009);
    expect(warn.mock.calls.some((c) => String(c[0]).includes(`bridge of view ${viewId} (alpha)`) && String(c[0]).includes('larger than'))).toBe(true);

    // The same view reconnects (as its page would) and is answered; so is plain HTTP.
    const again = await openBridge(viewId, token);
    const answer = nextMessage(again, (m) => m.id === 2);
    again.send(JSON.stringify({ v: 1, id: 2, api: 'getStorageInfo', params: {} }));
    expect(await answer).toMatchObject({ v: 1, id: 2, ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    again.close();
    expect((await http(port, { host: `alpha.localhost:${port}`, path: '/data.json' })).status).toBe(200);
    warn.mockRestore();
  });

  it('closes that shell socket with 1009 and the next shell page is answered', async () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const shell = await shellClient(port, t.host.shellToken);
    shell.socket.on('error', () => undefined);
    const gone = closed(shell.socket);
    shell.socket.send(JSON.stringify({ kind: 'call', id: 1, command: 'listApps', input: { junk: 'x'.repeat(9 * 1024 * 1024) } }));
    expect((await gone).code).toBe(1009);
    expect(warn.mock.calls.some((c) => String(c[0]).startsWith('shell channel:') && String(c[0]).includes('larger than'))).toBe(true);

    const next = await shellClient(port, t.host.shellToken);
    expect(await next.call('listApps')).toMatchObject({ ok: true });
    next.socket.close();
    warn.mockRestore();
  });
});
