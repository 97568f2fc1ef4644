import { describe, expect, it, vi } from 'vitest';
import { NetworkForwarder } from '../../../miniprogram/view/network-forwarder';

type Callbacks = { success(r: unknown): void; fail(r: unknown): void };

/** A page wx whose request/connectSocket hand back task objects, as the real client's do. */
function fakeHostWx() {
  const started: Array<{ api: string; options: Record<string, unknown> & Callbacks; task: Record<string, ReturnType<typeof vi.fn>>; listeners: Record<string, (d: unknown) => void> }> = [];
  const starter = (api: string) => (options: Record<string, unknown> & Callbacks) => {
    const listeners: Record<string, (d: unknown) => void> = {};
    const on = (name: string) => vi.fn((l: (d: unknown) => void) => void (listeners[name] = l));
    const task = { abort: vi.fn(), send: vi.fn((o: Callbacks) => o.success({ errMsg: 'sendSocketMessage:ok' })), close: vi.fn(), onHeadersReceived: on('headers'), onOpen: on('open'), onClose: on('close') };
    started.push({ api, options, task, listeners });
    return task;
  };
  return { wx: { request: starter('request'), connectSocket: starter('connectSocket') }, started };
}

describe('NetworkForwarder (the Worker wx.request made with the page wx)', () => {
  it("answers the Worker's request with the page task's outcome, without the Worker's taskId in the page call", async () => {
    const host = fakeHostWx();
    const forwarder = new NetworkForwarder(host.wx, () => undefined);
    const answer = forwarder.call('request', { taskId: 'w-1', url: 'http://127.0.0.1:4100/products', method: 'GET' });
    expect(host.started[0]!.options).toMatchObject({ url: 'http://127.0.0.1:4100/products', method: 'GET' });
    expect(host.started[0]!.options).not.toHaveProperty('taskId');
    host.started[0]!.options.success({ data: { products: [] }, statusCode: 200, header: {}, errMsg: 'request:ok' });
    expect(await answer).toEqual({ ok: true, result: { data: { products: [] }, statusCode: 200, header: {}, errMsg: 'request:ok' } });

    const failed = forwarder.call('request', { taskId: 'w-2', url: 'http://10.0.0.1/' });
    host.started[1]!.options.fail({ errMsg: 'request:fail url not in domain list', errno: 600002 });
    expect(await failed).toEqual({ ok: false, fail: { errMsg: 'request:fail url not in domain list', errno: 600002 } });
  });

  it("passes the page task's events on under the Worker's taskId, and abort reaches the page task", async () => {
    const host = fakeHostWx();
    const events: unknown[] = [];
    const forwarder = new NetworkForwarder(host.wx, (e) => events.push(e));
    void forwarder.call('request', { taskId: 'w-3', url: 'http://127.0.0.1:4100/' });
    host.started[0]!.listeners['headers']!({ header: { a: '1' }, statusCode: 200 });
    expect(events).toEqual([{ v: 1, event: 'networkTask', data: { taskId: 'w-3', type: 'headersReceived', detail: { header: { a: '1' }, statusCode: 200 } } }]);
    expect(await forwarder.call('abortNetworkTask', { taskId: 'w-3' })).toEqual({ ok: true, result: {} });
    expect(host.started[0]!.task['abort']).toHaveBeenCalledOnce();
  });

  it('sends on the Worker socket, and refuses a socket it does not know', async () => {
    const host = fakeHostWx();
    const forwarder = new NetworkForwarder(host.wx, () => undefined);
    void forwarder.call('connectSocket', { taskId: 's-1', url: 'ws://127.0.0.1:4100/' });
    host.started[0]!.options.success({ errMsg: 'connectSocket:ok' });
    expect(await forwarder.call('sendSocketMessage', { taskId: 's-1', data: 'hi' })).toEqual({ ok: true, result: { errMsg: 'sendSocketMessage:ok' } });
    expect(await forwarder.call('sendSocketMessage', { taskId: 's-9', data: 'hi' })).toEqual({ ok: false, fail: { errMsg: 'sendSocketMessage:fail WebSocket is not connected' } });
    expect(forwarder.handles('request') && forwarder.handles('abortNetworkTask') && !forwarder.handles('login')).toBe(true);
  });
});
