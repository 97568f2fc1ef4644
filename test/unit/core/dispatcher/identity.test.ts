import { describe, expect, it } from 'vitest';
import type { MiniApiCall } from '../../../../core/contracts/integrator';
import { failureOf, harness, resultOf } from './harness';

/** Who is calling comes from the host; an appId inside params is the app's own data and changes nothing. */
describe('identity', () => {
  it('open API handlers get the calling app, not an appId from params', async () => {
    const h = harness();
    await h.call('login', { appId: 'app-b' });
    expect(h.openApi.login).toHaveBeenCalledWith(h.callerA.appInfo, {});
  });

  it('custom API handlers get the calling app and view in the unified TCMPP params', async () => {
    const h = harness();
    let seen: MiniApiCall | undefined;
    h.shell.registerMiniAppApi('echo', async (call) => void (seen = call), { replace: true });
    await h.call('invokeNativePlugin', { api_name: 'echo', data: { appId: 'app-b', webviewId: 99 }, appId: 'app-b' });
    expect(seen).toEqual({
      appInfo: h.callerA.appInfo,
      apiName: 'echo',
      webViewId: 7,
      params: { stateEvent: 'requestCustomApi', api_name: 'echo', data: { appId: 'app-b', webviewId: 99 }, webviewId: 7 },
    });
  });

  it('app B cannot read or clear app A storage by naming A in params', async () => {
    const h = harness();
    await h.call('setStorage', { key: 'secret', data: 'A only' }, h.callerA);
    expect(failureOf(await h.call('getStorage', { key: 'secret', appId: 'app-a' }, h.callerB))).toEqual({ errMsg: 'getStorage:fail data not found' });
    await h.call('clearStorage', { appId: 'app-a' }, h.callerB);
    expect(resultOf(await h.call('getStorage', { key: 'secret' }, h.callerA)).data).toBe('A only');
  });

  it('app B does not see app A grants', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'test');
    expect(resultOf(await h.call('getSetting', { appId: 'app-a' }, h.callerB)).authSetting).toEqual({});
    expect(failureOf(await h.call('getUserInfo', { appId: 'app-a' }, h.callerB)).errMsg).toBe('getUserInfo:fail scope unauthorized');
  });

  it('capabilities are those of the calling app manifest', async () => {
    const h = harness();
    // app-b declares "echo" too; a caller from app-c (not installed) gets nothing even when naming app-b
    const stranger = { appInfo: { ...h.callerB.appInfo, appId: 'app-c' }, webViewId: 9 };
    expect(failureOf(await h.call('invokeNativePlugin', { api_name: 'echo', appId: 'app-b' }, stranger)).errMsg).toBe(
      'invokeNativePlugin:fail app "app-c" is not installed',
    );
  });
});
