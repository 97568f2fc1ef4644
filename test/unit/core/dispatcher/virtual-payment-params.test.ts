import { describe, expect, it } from 'vitest';
import { appInfoFromManifest } from '../../../../core/contracts/app';
import { hmacSha256 } from '../../../../core/platform/wx-crypto';
import { createShell } from '../../../../core/shell';
import { memoryStore } from '../../../support/memory-store';
import { failureOf, manifest, resultOf } from './harness';

/** WeChat only checks that signData, paySig and signature are strings; anything malformed fails with the payment's errCode. */
describe('requestVirtualPayment with malformed signData, paySig or signature (embedded platform, through the dispatcher)', () => {
  const app = manifest('game-a');
  const caller = { appInfo: appInfoFromManifest(app), webViewId: 1 };
  const setup = async () => {
    const shell = createShell({ store: memoryStore(), prompter: { ask: async () => ({ confirmed: true }) }, host: { name: 'web', version: '1', platform: 'linux' } });
    shell.setManifestSource((id) => (id === app.appId ? app : undefined));
    const keys = shell.platform!.registerApp(caller.appInfo);
    let id = 0;
    const call = (api: string, params: Record<string, unknown>) => shell.dispatch({ v: 1, id: ++id, api, params }, caller);
    const { code } = resultOf(await call('login', {})) as { code: string };
    const routes = shell.platform!.serverRoutes();
    const session = await routes.find((r) => r.path === '/v1/sns/jscode2session')!.run({ appid: app.appId, secret: keys.appSecret, js_code: code, grant_type: 'authorization_code' });
    return { call, appKey: keys.appKey, sessionKey: String(session.body.session_key) };
  };
  const signData = JSON.stringify({ offerId: 'o', buyQuantity: 1, env: 0, currencyType: 'CNY', outTradeNo: 'M-1' });

  it('a paySig that is not hex fails "paySig invalid" with errCode -15006', async () => {
    const { call } = await setup();
    expect(failureOf(await call('requestVirtualPayment', { signData, mode: 'short_series_coin', paySig: 'not hex at all', signature: '' }))).toEqual({
      errMsg: 'requestVirtualPayment:fail paySig invalid',
      errCode: -15006,
    });
  });

  it('a signature that is not hex fails "signature invalid" with errCode -15005', async () => {
    const { call, appKey } = await setup();
    const paySig = hmacSha256(appKey, `requestVirtualPayment&${signData}`).toString('hex');
    expect(failureOf(await call('requestVirtualPayment', { signData, mode: 'short_series_coin', paySig, signature: 'zz' }))).toEqual({
      errMsg: 'requestVirtualPayment:fail signature invalid',
      errCode: -15005,
    });
  });

  it('a signData that is not JSON (even empty) fails with errCode -1', async () => {
    const { call } = await setup();
    for (const bad of ['', 'x']) {
      const failure = failureOf(await call('requestVirtualPayment', { signData: bad, mode: 'short_series_coin', paySig: 'a', signature: 'b' }));
      expect(failure.errCode).toBe(-1);
      expect(failure.errMsg).toMatch(/^requestVirtualPayment:fail invalid signData: it must be a JSON string/);
    }
  });

  it('still a parameter error when they are not strings at all', async () => {
    const { call } = await setup();
    expect(failureOf(await call('requestVirtualPayment', { signData, mode: 'short_series_coin', paySig: 1, signature: 'b' })).errMsg).toBe(
      'requestVirtualPayment:fail parameter error: parameter.paySig should be String instead of Number;',
    );
  });
});
