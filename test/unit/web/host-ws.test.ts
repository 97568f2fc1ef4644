import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeShellFrame } from '../../../web/shell-channel';
import { closed, connectWs, nextMessage, shellClient, startTestHost, viewTokenFromPage, type TestHost, waitFor } from './helpers';

let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

async function launch(appId: string) {
  const shell = await shellClient(port, t.host.shellToken);
  const answer = await shell.call('launch', { appId });
  shell.socket.close();
  const { url, viewId } = answer.output as { url: string; viewId: number };
  const { token } = await viewTokenFromPage(port, url);
  return { url, viewId, token };
}

const bridgeUrl = (app: string, viewId: number, token: string) => `ws://${app}.localhost:${port}/ws/bridge?view=${viewId}&token=${encodeURIComponent(token)}`;
const originOf = (app: string) => `http://${app}.localhost:${port}`;

async function openBridge(app: string, viewId: number, token: string) {
  const outcome = await connectWs(bridgeUrl(app, viewId, token), originOf(app));
  if (!outcome.opened) throw new Error(`bridge refused: ${outcome.body}`);
  return outcome.socket;
}

describe('shell channel', () => {
  it('refuses a socket without the token, with a wrong token, or from a mini program origin', async () => {
    const noToken = await connectWs(`ws://localhost:${port}/ws/shell`, `http://localhost:${port}`);
    expect(noToken).toMatchObject({ opened: false, status: 403 });
    const wrong = await connectWs(`ws://localhost:${port}/ws/shell?token=${'a'.repeat(43)}`, `http://localhost:${port}`);
    expect(wrong).toMatchObject({ opened: false, status: 403 });
    const fromApp = await connectWs(`ws://localhost:${port}/ws/shell?token=${t.host.shellToken}`, originOf('alpha'));
    expect(fromApp.opened).toBe(false);
    if (!fromApp.opened) expect(fromApp.body).toContain('accepts only the shell page');
    const rebinding = await connectWs(`ws://evil.test:${port}/ws/shell?token=${t.host.shellToken}`, `http://evil.test:${port}`);
    expect(rebinding).toMatchObject({ opened: false, status: 421 });
  });

  it('runs commands and reports a failure with message and hint', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const apps = await shell.call('listApps');
    expect((apps.output as Array<{ appId: string; dev: boolean }>).map((a) => [a.appId, a.dev])).toEqual([['alpha', true], ['beta', true]]);
    const bad = await shell.call('launch', { appId: 'ghost' });
    expect(bad).toMatchObject({ ok: false, error: { message: '"ghost" is not installed' } });
    const unknown = await shell.call('selfDestruct', {});
    expect(unknown.ok).toBe(false);
    expect(unknown.error!.message).toContain('Unknown shell command "selfDestruct"');
    const info = await shell.call('getHostInfo');
    expect(info.output).toMatchObject({ host: 'web', serverApi: `http://127.0.0.1:${port}` });
    shell.socket.close();
  });

  it('pushes events to every connected shell page', async () => {
    const a = await shellClient(port, t.host.shellToken);
    const b = await shellClient(port, t.host.shellToken);
    const seenByB = nextMessage<{ kind: string; event: { type: string; running?: Array<{ appId: string }> } }>(b.socket, (m) => m.kind === 'event' && m.event.type === 'runningChanged');
    await a.call('launch', { appId: 'beta' });
    const event = await seenByB;
    expect(event.event.running!.some((r) => r.appId === 'beta')).toBe(true);
    a.socket.close();
    b.socket.close();
  });
});

describe('bridge', () => {
  it('carries a wx call for the launched view and answers with its errMsg', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const answer = nextMessage(socket, (m) => m.id === 'c1');
    socket.send(JSON.stringify({ v: 1, id: 'c1', api: 'getStorageInfo', params: {} }));
    expect(await answer).toMatchObject({ v: 1, id: 'c1', ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    socket.close();
  });

  it("refuses app A's view token presented from app B's origin or host, and a wrong token", async () => {
    const { viewId, token } = await launch('alpha');
    const fromB = await connectWs(bridgeUrl('alpha', viewId, token), originOf('beta'));
    expect(fromB).toMatchObject({ opened: false, status: 403 });
    const onBHost = await connectWs(bridgeUrl('beta', viewId, token), originOf('beta'));
    expect(onBHost).toMatchObject({ opened: false, status: 403 });
    const wrong = await connectWs(bridgeUrl('alpha', viewId, 'b'.repeat(43)), originOf('alpha'));
    expect(wrong).toMatchObject({ opened: false, status: 403 });
    const noOrigin = await connectWs(bridgeUrl('alpha', viewId, token), undefined);
    expect(noOrigin).toMatchObject({ opened: false, status: 403 });
  });

  it('takes identity from the socket, never from params: app B cannot read app A\'s notes', async () => {
    const a = await launch('alpha');
    const b = await launch('beta');
    const sa = await openBridge('alpha', a.viewId, a.token);
    const sb = await openBridge('beta', b.viewId, b.token);
    const added = nextMessage(sa, (m) => m.id === 1);
    sa.send(JSON.stringify({ v: 1, id: 1, api: 'invokeNativePlugin', params: { api_name: 'notes.add', data: { text: 'alpha private' } } }));
    expect(await added).toMatchObject({ ok: true, result: { errMsg: 'invokeNativePlugin:ok', count: 1 } });

    const listed = nextMessage<{ result: { notes: unknown[] } }>(sb, (m) => (m as { id?: unknown }).id === 2);
    sb.send(JSON.stringify({ v: 1, id: 2, api: 'invokeNativePlugin', params: { api_name: 'notes.list', data: { appId: 'alpha' }, appId: 'alpha', webViewId: a.viewId } }));
    expect((await listed).result.notes).toEqual([]);

    const echoed = nextMessage<{ result: { appInfo: { appId: string }; webViewId: number } }>(sb, (m) => (m as { id?: unknown }).id === 3);
    sb.send(JSON.stringify({ v: 1, id: 3, api: 'invokeNativePlugin', params: { api_name: 'echo', data: { appId: 'alpha' } } }));
    const echo = await echoed;
    expect(echo.result.appInfo.appId).toBe('beta');
    expect(echo.result.webViewId).toBe(b.viewId);

    const refused = nextMessage(sa, (m) => m.id === 4);
    sa.send(JSON.stringify({ v: 1, id: 4, api: 'invokeNativePlugin', params: { api_name: 'notes.add', data: { text: '' } } }));
    expect(await refused).toMatchObject({ ok: false, errMsg: 'invokeNativePlugin:fail data.text must be a non-empty string' });
    sa.close();
    sb.close();
  });

  it("a page sending 2,000 calls at once waits behind itself and is paced while another app calls; all are answered", async () => {
    const a = await launch('alpha');
    const b = await launch('beta');
    const flood = await openBridge('alpha', a.viewId, a.token);
    const quiet = await openBridge('beta', b.viewId, b.token);
    let floodAnswered = 0;
    flood.on('message', () => floodAnswered++);
    const quietCall = async (id: string) => {
      const answer = nextMessage(quiet, (m) => m.id === id);
      quiet.send(JSON.stringify({ v: 1, id, api: 'getStorageInfo', params: {} }));
      return answer;
    };
    await quietCall('q0');
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) flood.send(JSON.stringify({ v: 1, id: i, api: 'getStorageInfo', params: {} }));
    for (let i = 1; performance.now() - started < 150; i++) expect(await quietCall(`q${i}`)).toMatchObject({ ok: true, result: { errMsg: 'getStorageInfo:ok' } });
    const elapsed = performance.now() - started;
    // web/bridge-scheduler.ts: a burst of 32, then 2,000 a second (2 per ms); unpaced, 787 of the flood's
    // calls were answered in the same 150 ms (it took a turn between every quiet call and its answer)
    expect(floodAnswered).toBeLessThan(32 + 2 * elapsed + 64);
    // once the quiet app has been silent for 100 ms the rest goes through unpaced
    await waitFor(() => floodAnswered === 2_000, 'every flood call answered');
    flood.close();
    quiet.close();
  });

  it('answers a raw echo frame without dispatching it', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const before = t.host.runtime.shell.calls.list().length;
    const answer = nextMessage(socket);
    socket.send(JSON.stringify({ v: 1, echo: { seq: 9, payload: 'ping' } }));
    expect(await answer).toEqual({ v: 1, echo: { seq: 9, payload: 'ping' } });
    expect(t.host.runtime.shell.calls.list().length).toBe(before);
    socket.close();
  });

  it('keeps an inspector report frame for the socket\'s own view, answers nothing, and records no call', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const calls = t.host.runtime.shell.calls.list().length;
    const report = { kind: 'exception', at: 1_700_000_000_000, message: 'Error: boom', where: 'pages/a/a.js:3:9' };
    socket.send(JSON.stringify({ v: 1, devtools: [report] }));
    // a malformed frame is dropped (the socket stays usable)
    socket.send(JSON.stringify({ v: 1, devtools: [{ kind: 'exception' }] }));
    await waitFor(async () => ((await t.host.runtime.service.handle('listDevtools', {})) as { records: unknown[] }).records.length > 0, 'the report to be kept');
    const listed = (await t.host.runtime.service.handle('listDevtools', {})) as { records: unknown[] };
    expect(listed.records).toEqual([{ seq: expect.any(Number), appId: 'alpha', webViewId: viewId, report }]);
    expect(t.host.runtime.shell.calls.list().length).toBe(calls);
    const answer = nextMessage(socket, (m) => m.id === 5);
    socket.send(JSON.stringify({ v: 1, id: 5, api: 'getSystemInfo', params: {} }));
    expect(await answer).toMatchObject({ ok: true });
    socket.close();
  });

  it('delivers appHide to a view sent to the background, including events queued before it connected', async () => {
    const a = await launch('alpha');
    const sa = await openBridge('alpha', a.viewId, a.token);
    const hidden = nextMessage(sa, (m) => m.event === 'appHide');
    await launch('beta');
    expect(await hidden).toEqual({ v: 1, event: 'appHide', data: {} });
    sa.close();
  });

  it('closes the socket when the view closes and refuses the token afterwards', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const shell = await shellClient(port, t.host.shellToken);
    const gone = closed(socket);
    expect((await shell.call('close', { viewId })).ok).toBe(true);
    expect(await gone).toEqual({ code: 4000, reason: 'view closed' });
    const again = await connectWs(bridgeUrl('alpha', viewId, token), originOf('alpha'));
    expect(again.opened).toBe(false);
    if (!again.opened) expect(again.body).toContain(`view ${viewId} is not open`);
    shell.socket.close();
  });

  it('answers a frame that is not JSON with a bridge failure instead of dropping the connection', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const answer = nextMessage(socket);
    socket.send('{not json');
    expect(await answer).toEqual({ v: 1, id: null, ok: false, errMsg: 'bridge:fail the message is not JSON' });
    socket.close();
  });
});

describe('the inspector after hostile calls', () => {
  it('a call with params nested 10,000 deep is refused, and listCalls still answers with a depth-capped preview', async () => {
    const { viewId, token } = await launch('alpha');
    const socket = await openBridge('alpha', viewId, token);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const answer = nextMessage<{ id: string; ok: boolean; errMsg?: string }>(socket, (m) => m.id === 'deep');
    socket.send(`{"v":1,"id":"deep","api":"setStorage","params":{"key":"k","data":${deep}}}`);
    expect((await answer).ok).toBe(false);
    const shell = await shellClient(port, t.host.shellToken);
    const listed = await shell.call('listCalls');
    expect(listed.ok).toBe(true);
    const record = (listed.output as Array<{ api: string; params: unknown; paramsSize?: number }>).find((r) => r.api === 'setStorage');
    expect(JSON.stringify(record?.params)).toContain('nested deeper than 8 levels');
    expect(record?.paramsSize).toBeGreaterThan(50_000);
    shell.socket.close();
    socket.close();
  });

  it('the size limit is checked on the frame as received: a 1.5 MB frame gets the errMsg with its size', async () => {
    const { viewId, token } = await launch('beta');
    const socket = await openBridge('beta', viewId, token);
    const text = JSON.stringify({ v: 1, id: 'big', api: 'setStorage', params: { key: 'k', data: 'é'.repeat(750_000) } });
    const answer = nextMessage<{ id: string; errMsg?: string }>(socket, (m) => m.id === 'big');
    socket.send(text);
    expect((await answer).errMsg).toBe(`setStorage:fail request too large: ${Buffer.byteLength(text)} bytes, the limit is 1048576`);
    socket.close();
  });
});

describe('encodeShellFrame', () => {
  it('refuses a cycle and an oversized message with the reason, and encodes the rest', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(encodeShellFrame(cyclic)).toEqual({ problem: expect.stringMatching(/^it cannot be encoded as JSON \(.*circular/i) });
    expect(encodeShellFrame({ text: 'x'.repeat(2_000) }, 1_000)).toEqual({ problem: 'it is 2011 bytes, over the 1000-byte limit of the shell channel' });
    expect(encodeShellFrame({ a: 1 })).toEqual({ text: '{"a":1}' });
  });
});
