import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallLog, DEFAULT_CALL_LOG_BYTES, DEFAULT_CALL_LOG_RECORDS } from '../../../../core/calls/call-log';
import { previewJson } from '../../../../core/calls/json-preview';
import { shellCommands } from '../../../../core/contracts/shell-api';
import { AppLanes } from '../../../../core/dispatcher/app-lanes';
import { DeadlineQueue } from '../../../../core/dispatcher/deadlines';
import { failureOf, harness, resultOf } from './harness';

/** Bounded memory and fair sharing under load: the call log, the deadline queue and the per-app lanes. */

const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { next: value };
  return value;
};

afterEach(() => vi.useRealTimers());

describe('the call log under large and deep values', () => {
  it('keeps a preview of 1 MB params with their true size, and stays within its byte budget after 100 of them', async () => {
    const h = harness();
    const big = 'x'.repeat(1_000_000);
    for (let i = 0; i < 100; i++) expect(resultOf(await h.call('getStorageInfo', { big })).errMsg).toBe('getStorageInfo:ok');
    const records = h.shell.calls.list();
    const last = records.at(-1)!;
    expect(last.paramsSize).toBe(1_000_000 + 2 + 'big'.length + 4 + 2);
    expect(JSON.stringify(last.params).length).toBeLessThan(5_000);
    expect(String((last.params as { big: string }).big)).toMatch(/^x+…\(1000000 characters in all\)$/);
    expect(JSON.stringify(records).length).toBeLessThan(DEFAULT_CALL_LOG_BYTES);
    // small calls keep their params exactly, without a size field
    await h.call('getStorageInfo', { a: 1 });
    expect(h.shell.calls.list().at(-1)).toMatchObject({ params: { a: 1 } });
    expect(h.shell.calls.list().at(-1)).not.toHaveProperty('paramsSize');
  });

  it('a refused oversized request is recorded as a preview, never as its whole body', async () => {
    const h = harness();
    const response = await h.call('setStorage', { key: 'k', data: 'é'.repeat(700_000) });
    expect(failureOf(response).errMsg).toMatch(/^setStorage:fail request too large: \d+ bytes, the limit is 1048576$/);
    const record = h.shell.calls.list().at(-1)!;
    expect(record.outcome).toBe('fail');
    expect(JSON.stringify(record).length).toBeLessThan(5_000);
    expect(record.paramsSize).toBeGreaterThan(700_000);
  });

  it('params nested 10,000 deep are refused, and listCalls still answers with a depth-capped preview', async () => {
    const h = harness();
    const response = await h.call('setStorage', { key: 'k', data: deep(10_000) });
    expect(response.ok).toBe(false);
    const listed = shellCommands.listCalls.output.parse(h.shell.calls.list());
    const text = JSON.stringify(listed);
    expect(text).toContain('nested deeper than 8 levels');
    expect(text.length).toBeLessThan(5_000);
  });

  it('a large result is kept as a preview with its true size', async () => {
    const h = harness();
    h.shell.registerMiniAppApi('noop', async () => ({ rows: Array.from({ length: 10_000 }, (_, i) => ({ i })) }), { replace: true });
    const response = await h.call('invokeNativePlugin', { api_name: 'noop' });
    expect((resultOf(response)['rows'] as unknown[]).length).toBe(10_000);
    const record = h.shell.calls.list().at(-1)!;
    expect(record.resultSize).toBeGreaterThan(50_000);
    expect(JSON.stringify(record.result)).toMatch(/more items/);
  });

  it('drops the oldest records first once the newest fill the budget', () => {
    const log = createCallLog({ maxBytes: 20_000 });
    for (let i = 0; i < 50; i++) log.add({ at: i, appId: 'a', webViewId: 1, api: `api${i}`, params: { text: 'y'.repeat(400) }, outcome: 'ok', mocked: false, ms: 0 });
    const kept = log.list();
    expect(kept.at(-1)?.api).toBe('api49');
    expect(kept.length).toBeLessThan(50);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.map((r) => r.seq)).toEqual(kept.map((_, i) => 50 - kept.length + 1 + i));
  });

  it('keeps at most its record count too: the newest 2,000 by default, in order, after 5,000 small calls', () => {
    const log = createCallLog();
    for (let i = 0; i < 5_000; i++) log.add({ at: i, appId: 'a', webViewId: 1, api: `api${i}`, params: { i }, outcome: 'ok', mocked: false, ms: 0 });
    const kept = log.list();
    expect(kept.length).toBe(DEFAULT_CALL_LOG_RECORDS);
    expect(kept[0]?.api).toBe('api3000');
    expect(kept.at(-1)?.api).toBe('api4999');
    expect(kept.map((r) => r.seq)).toEqual(kept.map((_, i) => 3_001 + i));
    log.clear();
    expect(log.list()).toEqual([]);
    log.add({ at: 0, appId: 'a', webViewId: 1, api: 'after-clear', params: {}, outcome: 'ok', mocked: false, ms: 0 });
    expect(log.list().map((r) => r.api)).toEqual(['after-clear']);
  });

  it('a value whose getter throws becomes a note instead of failing the record', () => {
    const hostile = { ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'z'.repeat(100)])) };
    Object.defineProperty(hostile, 'boom', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(previewJson(hostile).value).toBe('[unreadable value: no]');
  });
});

describe('one deadline mechanism for every call', () => {
  it('1,000 pending calls share one timer, and each still times out at its own limit', async () => {
    vi.useFakeTimers();
    const h = harness({ handlerTimeoutMs: 1_000 });
    h.shell.registerMiniAppApi('noop', () => new Promise(() => undefined), { replace: true });
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const answers: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      void h.call('invokeNativePlugin', { api_name: 'noop' }, i % 2 ? h.callerA : h.callerB).then((r) => answers.push(failureOf(r).errMsg));
      if (i === 499) await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(0);
    // 32 of them run (16 per app), the rest wait in their app's lane without a clock
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(answers).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers)).toEqual(new Set(['invokeNativePlugin:fail timeout']));
  });

  it('a call that ends early leaves nothing behind, and a later one still expires on time', () => {
    vi.useFakeTimers();
    const queue = new DeadlineQueue();
    const expired: string[] = [];
    const entry = (name: string) => ({ at: 0, ms: 0, done: false, expire: () => expired.push(name) });
    const quick = entry('quick');
    const slow = entry('slow');
    const short = entry('short');
    queue.add(quick, 100);
    queue.add(slow, 100);
    queue.settle(quick);
    queue.add(short, 10); // shorter limit than the armed timer: re-armed earlier
    vi.advanceTimersByTime(10);
    expect(expired).toEqual(['short']);
    vi.advanceTimersByTime(89);
    expect(expired).toEqual(['short']);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['short', 'slow']);
    expect(queue.size).toBe(0);
  });
});

describe('per-app lanes', () => {
  it('runs at most 16 calls of one app at once; the rest wait in order and all are answered', async () => {
    const h = harness();
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    h.shell.registerMiniAppApi(
      'noop',
      async (call) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        order.push((call.params.data as { n: number }).n);
        return { n: (call.params.data as { n: number }).n };
      },
      { replace: true },
    );
    const answers = await Promise.all(Array.from({ length: 100 }, (_, n) => h.call('invokeNativePlugin', { api_name: 'noop', data: { n } })));
    expect(answers.map((a) => resultOf(a)['n'])).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(peak).toBe(16);
    // queued calls start in the order they arrived
    expect(order.slice(16)).toEqual([...order.slice(16)].sort((a, b) => a - b));
  });

  it("another app's call is answered while one app's backlog waits", async () => {
    const h = harness();
    const release: Array<() => void> = [];
    h.shell.registerMiniAppApi('noop', () => new Promise<undefined>((r) => release.push(() => r(undefined))), { replace: true });
    const flood = Array.from({ length: 200 }, () => h.call('invokeNativePlugin', { api_name: 'noop' }, h.callerA));
    const quiet = await h.call('getStorageInfo', {}, h.callerB);
    expect(resultOf(quiet).errMsg).toBe('getStorageInfo:ok');
    expect(release).toHaveLength(16);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect((await Promise.all(flood)).every((r) => r.ok)).toBe(true);
  });

  it('refuses a call once the app has too many waiting, naming the limit', () => {
    const lanes = new AppLanes({ inFlight: 1, queuedCalls: 2, queuedBytes: 1_000 });
    expect(lanes.enter('a', 10)).toBeUndefined();
    expect(lanes.enter('a', 10)).toBeInstanceOf(Promise);
    expect(lanes.enter('a', 10)).toBeInstanceOf(Promise);
    expect(lanes.enter('a', 10)).toEqual({ refused: expect.stringMatching(/^too many calls in flight: 1 running and 2 waiting/) });
    expect(lanes.enter('b', 10)).toBeUndefined();
    const bytes = new AppLanes({ inFlight: 1, queuedCalls: 100, queuedBytes: 1_000 });
    bytes.enter('a', 10);
    expect(bytes.enter('a', 2_000)).toEqual({ refused: expect.stringContaining('too many calls in flight') });
  });
});
