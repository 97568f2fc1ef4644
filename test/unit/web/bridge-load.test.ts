import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeShellFrame } from '../../../web/shell-channel';
import { connectWs, nextMessage, shellClient, startTestHost, viewTokenFromPage, type TestHost } from './helpers';

/** Large, deep and many calls on the browser host's sockets: the inspector and the shell channel keep working. */

let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

async function openBridge(appId: string) {
  const shell = await shellClient(port, t.host.shellToken);
  const { url, viewId } = (await shell.call('launch', { appId })).output as { url: string; viewId: number };
  shell.socket.close();
  const { token } = await viewTokenFromPage(port, url);
  const outcome = await connectWs(`ws://${appId}.localhost:${port}/ws/bridge?view=${viewId}&token=${encodeURIComponent(token)}`, `http://${appId}.localhost:${port}`);
  if (!outcome.opened) throw new Error(`bridge refused: ${outcome.body}`);
  return outcome.socket;
}

describe('the inspector after hostile calls', () => {
  it('a call with params nested 10,000 deep is refused, and listCalls still answers with a depth-capped preview', async () => {
    const socket = await openBridge('alpha');
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
    const socket = await openBridge('beta');
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
