import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallLog, RECORD_OVERHEAD_BYTES } from '../../../../core/calls/call-log';
import { createMockRules, MOCKS_STORE_KEY } from '../../../../core/calls/mock-rules';
import { memoryStore } from '../../../support/memory-store';
import { failureOf, harness, resultOf, type Harness } from './harness';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('mock rules in the pipeline', () => {
  it('succeed: answers with the rule result and errMsg ok, without running the handler, recorded as mocked', async () => {
    const h = harness();
    h.shell.mocks.set({ appId: 'app-a', api: 'getPhoneNumber', action: { type: 'succeed', result: { code: 'mocked-code' } }, enabled: true });
    expect(resultOf(await h.call('getPhoneNumber'))).toEqual({ code: 'mocked-code', errMsg: 'getPhoneNumber:ok' });
    expect(h.openApi.getPhoneNumber).not.toHaveBeenCalled();
    expect(h.shell.calls.list().at(-1)).toMatchObject({ outcome: 'ok', mocked: true });
  });

  it('fail: adds the "<api>:fail " prefix when the rule lacks it, keeps errno/errCode', async () => {
    const h = harness();
    h.shell.mocks.set({ appId: 'app-a', api: 'login', action: { type: 'fail', errMsg: 'system busy', errno: 1 }, enabled: true });
    expect(failureOf(await h.call('login'))).toEqual({ errMsg: 'login:fail system busy', errno: 1 });
    h.shell.mocks.set({ appId: 'app-a', api: 'checkSession', action: { type: 'fail', errMsg: 'checkSession:fail cancel', errCode: -2 }, enabled: true });
    expect(failureOf(await h.call('checkSession'))).toEqual({ errMsg: 'checkSession:fail cancel', errCode: -2 });
    expect(h.shell.calls.list().at(-1)).toMatchObject({ outcome: 'cancel', mocked: true });
  });

  it('delay: waits, then runs the real handler', async () => {
    vi.useFakeTimers();
    const h = harness();
    h.shell.mocks.set({ appId: 'app-a', api: 'login', action: { type: 'delay', ms: 3_000 }, enabled: true });
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    void h.call('login').then((r) => (answer = r));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(h.openApi.login).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(resultOf(answer!)).toEqual({ code: 'code-1', errMsg: 'login:ok' });
    expect(h.shell.calls.list().at(-1)?.mocked).toBe(true);
  });

  it('a delay longer than the time limit produces the timeout an app must handle', async () => {
    vi.useFakeTimers();
    const h = harness({ handlerTimeoutMs: 1_000 });
    h.shell.mocks.set({ appId: 'app-a', api: 'checkSession', action: { type: 'delay', ms: 5_000 }, enabled: true });
    const pending = h.call('checkSession');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(failureOf(await pending)).toEqual({ errMsg: 'checkSession:fail timeout', errno: 5 });
  });

  it('rules apply only to their app, their api_name, and only while enabled', async () => {
    const h = harness();
    const rule = h.shell.mocks.set({ appId: 'app-a', api: 'invokeNativePlugin', apiName: 'noop', action: { type: 'succeed', result: { fake: true } }, enabled: true });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'noop' }))).toEqual({ fake: true, errMsg: 'invokeNativePlugin:ok' });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'echo', data: {} })).echoed).toEqual({});
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'noop' }, h.callerB))).toEqual({ errMsg: 'invokeNativePlugin:ok' });
    h.shell.mocks.set({ ...rule, enabled: false });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'noop' }))).toEqual({ errMsg: 'invokeNativePlugin:ok' });
  });

  it('a rule can stand in for a custom API the host has not registered yet', async () => {
    const h = harness();
    h.shell.unregisterMiniAppApi('noop');
    h.shell.mocks.set({ appId: 'app-a', api: 'invokeNativePlugin', apiName: 'noop', action: { type: 'succeed', result: { ok: 1 } }, enabled: true });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'noop' }))).toEqual({ ok: 1, errMsg: 'invokeNativePlugin:ok' });
  });

  it('mocks never bypass the capability and params checks', async () => {
    const h = harness();
    h.shell.mocks.set({ appId: 'app-a', api: 'getUserProfile', action: { type: 'succeed', result: {} }, enabled: true });
    expect(failureOf(await h.call('getUserProfile', {})).errno).toBe(1001);
  });

  it('a corrupt mock store does not break real calls', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = harness({ store: memoryStore({ [MOCKS_STORE_KEY]: { not: 'a list' } }) });
    expect(resultOf(await h.call('login')).errMsg).toBe('login:ok');
  });
});

describe('MockRules', () => {
  it('persist across restarts', () => {
    const store = memoryStore();
    const rule = createMockRules(store).set({ appId: 'a', api: 'login', action: { type: 'delay', ms: 10 }, enabled: true });
    expect(createMockRules(store).list()).toEqual([rule]);
    createMockRules(store).remove(rule.id);
    expect(createMockRules(store).list()).toEqual([]);
  });

  it('setting with an existing id replaces that rule', () => {
    const rules = createMockRules(memoryStore());
    const first = rules.set({ appId: 'a', api: 'login', action: { type: 'delay', ms: 10 }, enabled: true });
    rules.set({ ...first, action: { type: 'delay', ms: 20 } });
    expect(rules.list()).toEqual([{ ...first, action: { type: 'delay', ms: 20 } }]);
  });

  it('a rule naming the custom API wins over a catch-all one', () => {
    const rules = createMockRules(memoryStore());
    const specific = rules.set({ appId: 'a', api: 'invokeNativePlugin', apiName: 'x', action: { type: 'delay', ms: 1 }, enabled: true });
    rules.set({ appId: 'a', api: 'invokeNativePlugin', action: { type: 'delay', ms: 2 }, enabled: true });
    expect(rules.match('a', 'invokeNativePlugin', { api_name: 'x' })?.id).toBe(specific.id);
    expect(rules.match('a', 'invokeNativePlugin', { api_name: 'y' })?.action).toEqual({ type: 'delay', ms: 2 });
  });

  it('an invalid rule is refused with the reason and nothing is saved', () => {
    const store = memoryStore();
    const rules = createMockRules(store);
    expect(() => rules.set({ appId: 'a', api: 'login', action: { type: 'delay', ms: -5 }, enabled: true })).toThrow(/not valid: action\.ms/);
    expect(store.get(MOCKS_STORE_KEY)).toBeUndefined();
  });

  it('a corrupt stored list is reported and left as it was', () => {
    const store = memoryStore({ [MOCKS_STORE_KEY]: [{ id: 1 }] });
    const rules = createMockRules(store);
    expect(() => rules.list()).toThrow(/mock rules stored under "mocks" are unreadable/);
    expect(() => rules.set({ appId: 'a', api: 'login', action: { type: 'delay', ms: 1 }, enabled: true })).toThrow(/unreadable/);
    expect(store.get(MOCKS_STORE_KEY)).toEqual([{ id: 1 }]);
  });
});

describe('CallLog', () => {
  const record = (api: string) => ({ at: 1, appId: 'a', webViewId: 1, api, params: {}, outcome: 'ok' as const, mocked: false, ms: 0 });

  it('keeps the newest records that fit its byte budget, oldest first, with increasing seq', () => {
    // each of these records costs the fixed overhead plus "{}" and two one-letter names
    const log = createCallLog({ maxBytes: 3 * (RECORD_OVERHEAD_BYTES + 4) });
    for (const api of ['a', 'b', 'c', 'd', 'e']) log.add(record(api));
    expect(log.list().map((r) => [r.seq, r.api])).toEqual([
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
  });

  it('notifies subscribers until they unsubscribe; a throwing subscriber does not stop the others', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = createCallLog();
    const seen: string[] = [];
    log.subscribe(() => {
      throw new Error('inspector bug');
    });
    const off = log.subscribe((r) => seen.push(r.api));
    log.add(record('a'));
    off();
    log.add(record('b'));
    expect(seen).toEqual(['a']);
  });

  it('clear empties it', () => {
    const log = createCallLog();
    log.add(record('a'));
    log.clear();
    expect(log.list()).toEqual([]);
  });

  it('a dispatch records app, view, api, params, outcome, result and duration', async () => {
    const h = harness();
    await h.call('getStorageInfo', { extra: 1 });
    expect(h.shell.calls.list()).toEqual([
      {
        seq: 1,
        at: expect.any(Number),
        appId: 'app-a',
        webViewId: 7,
        api: 'getStorageInfo',
        params: { extra: 1 },
        outcome: 'ok',
        result: { keys: [], currentSize: 0, limitSize: 10240, errMsg: 'getStorageInfo:ok' },
        mocked: false,
        ms: expect.any(Number),
      },
    ]);
  });
});
