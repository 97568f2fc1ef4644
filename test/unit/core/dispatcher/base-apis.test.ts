import { describe, expect, it, vi } from 'vitest';
import { createCustomApiRegistry } from '../../../../core/custom-apis/registry';
import { harness, resultOf } from './harness';
import { EXIT_AFTER_ANSWER_MS } from '../../../../core/dispatcher/routes';

describe('getSystemInfo', () => {
  it('describes the host', async () => {
    const h = harness();
    expect(resultOf(await h.call('getSystemInfo'))).toEqual({
      host: { env: 'web', name: 'Superapp Shell', version: '1.2.3' },
      platform: 'linux',
      system: 'Linux',
      version: '1.2.3',
      SDKVersion: '2.2.17',
      language: 'en',
      errMsg: 'getSystemInfo:ok',
    });
  });
});

describe('exitMiniProgram', () => {
  it('answers ok first, then asks the host to close the calling view', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const h = harness();
      const requests: unknown[] = [];
      const off = h.shell.onHostRequest((r) => requests.push(r));
      expect(resultOf(await h.call('exitMiniProgram', {}, h.callerB))).toEqual({ errMsg: 'exitMiniProgram:ok' });
      // the answer is out while the view is still open
      expect(requests).toEqual([]);
      await vi.advanceTimersByTimeAsync(EXIT_AFTER_ANSWER_MS);
      expect(requests).toEqual([{ type: 'exit', caller: h.callerB }]);
      off();
      await h.call('exitMiniProgram');
      await vi.advanceTimersByTimeAsync(EXIT_AFTER_ANSWER_MS);
      expect(requests).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('registerMiniAppApi', () => {
  it('refuses a taken name and says how to replace it', () => {
    const h = harness();
    expect(() => h.shell.registerMiniAppApi('echo', async () => ({}))).toThrow(
      'registerMiniAppApi: custom API "echo" is already registered; pass { replace: true } to replace its handler',
    );
  });

  it('replaces with { replace: true }', async () => {
    const h = harness();
    h.shell.registerMiniAppApi('echo', async () => ({ v: 2 }), { replace: true });
    expect(resultOf(await h.call('invokeNativePlugin', { api_name: 'echo' }))).toEqual({ v: 2, errMsg: 'invokeNativePlugin:ok' });
  });

  it('takes the customApis given at creation', async () => {
    const handler = vi.fn(async () => ({ hello: 'world' }));
    const registry = createCustomApiRegistry({ greet: handler });
    expect(registry.has('greet')).toBe(true);
    expect(() => registry.register('greet', handler)).toThrow(/already registered/);
  });

  it('refuses a non-function handler and an empty name', () => {
    const registry = createCustomApiRegistry();
    expect(() => registry.register('x', 'nope' as never)).toThrow('registerMiniAppApi("x"): handler must be a function');
    expect(() => registry.register('', async () => ({}))).toThrow('apiName must be a non-empty string');
  });
});
