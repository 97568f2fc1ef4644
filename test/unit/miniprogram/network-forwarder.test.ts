import { describe, expect, it, vi } from 'vitest';
import { createNetworkForwarder } from '../../../miniprogram/view/network-forwarder';
import type { WxPortMessage } from '../../../miniprogram/protocol';

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void };

/** A page wx whose task APIs record what they were given and let the test fire their events. */
function pageWx() {
  const listeners: Record<string, (detail: unknown) => void> = {};
  const calls: Array<{ api: string; options: Record<string, unknown> & Callbacks }> = [];
  const task = {
    abort: vi.fn(),
    send: vi.fn((o: Callbacks) => o.success?.({ errMsg: 'sendSocketMessage:ok' })),
    close: vi.fn((o: Callbacks) => o.success?.({ errMsg: 'closeSocket:ok' })),
    onHeadersReceived: (l: (d: unknown) => void) => (listeners['headersReceived'] = l),
    onOpen: (l: (d: unknown) => void) => (listeners['open'] = l),
    onMessage: (l: (d: unknown) => void) => (listeners['message'] = l),
    onError: (l: (d: unknown) => void) => (listeners['error'] = l),
    onClose: (l: (d: unknown) => void) => (listeners['close'] = l),
  };
  const start = (api: string) => (options: Record<string, unknown> & Callbacks) => {
    calls.push({ api, options });
    return task;
  };
  return { wx: { request: start('request'), connectSocket: start('connectSocket') }, task, listeners, calls };
}

describe("the view's forwarder of the Worker's network tasks", () => {
  it("makes the call with the page's task API and sends its events and outcome back under the Worker's task id", () => {
    const page = pageWx();
    const posted: WxPortMessage[] = [];
    const forward = createNetworkForwarder(page.wx, (m) => posted.push(m));
    const outcomes: unknown[] = [];
    forward('request', { taskId: 'w-1', url: 'https://api.example.com/', method: 'POST' }, (o) => outcomes.push(o));
    expect(page.calls[0]).toMatchObject({ api: 'request', options: { url: 'https://api.example.com/', method: 'POST' } });
    expect(page.calls[0]!.options).not.toHaveProperty('taskId');
    page.listeners['headersReceived']!({ statusCode: 200, header: {}, cookies: [] });
    expect(posted).toEqual([{ t: 'event', event: { v: 1, event: 'networkTask', data: { taskId: 'w-1', type: 'headersReceived', detail: { statusCode: 200, header: {}, cookies: [] } } } }]);
    forward('abortNetworkTask', { taskId: 'w-1' }, (o) => outcomes.push(o));
    expect(page.task.abort).toHaveBeenCalledTimes(1);
    page.calls[0]!.options.fail!({ errMsg: 'request:fail abort' });
    expect(outcomes).toEqual([{ ok: true, result: {} }, { ok: false, fail: { errMsg: 'request:fail abort' } }]);
  });

  it('sends socket messages (bytes decoded from base64) on the right socket, and refuses a socket it does not know', () => {
    const page = pageWx();
    const forward = createNetworkForwarder(page.wx, () => undefined);
    const outcomes: unknown[] = [];
    forward('connectSocket', { taskId: 's-1', url: 'wss://chat.example.com/' }, (o) => outcomes.push(o));
    forward('sendSocketMessage', { taskId: 's-1', dataBase64: 'AQID' }, (o) => outcomes.push(o));
    const sent = page.task.send.mock.calls[0]![0] as { data: ArrayBuffer };
    expect([...new Uint8Array(sent.data)]).toEqual([1, 2, 3]);
    forward('sendSocketMessage', { taskId: 'nope', data: 'x' }, (o) => outcomes.push(o));
    expect(outcomes).toEqual([{ ok: true, result: { errMsg: 'sendSocketMessage:ok' } }, { ok: false, fail: { errMsg: 'sendSocketMessage:fail WebSocket is not connected' } }]);
  });
});
