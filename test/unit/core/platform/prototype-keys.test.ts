import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../core/contracts/app';
import { setup, wx } from './harness';
import { jsapiPaySign, virtualPaySig, virtualUserSignature } from './wechat-server-kit';

/**
 * The platform's documents are JSON objects keyed by appId, out_trade_no and codes, all of which come
 * from outside. A key that names a member of Object.prototype must be just another key: never "found"
 * before it was stored, and stored as an entry of its own when it is.
 */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

describe('keys that name Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)('an app registered as "%s" gets its own registration, keeps it across a restart, and logs in', async (appId) => {
    const h = setup();
    const app: AppInfo = { appId, name: 'Proto', version: '1.0.0', developerId: appId };
    const reg = h.platform.registerApp(app);
    expect(reg).toMatchObject({ appId, developerId: appId });
    expect(reg.appSecret).toMatch(/^[0-9a-f]{32}$/);
    // a restart registers every installed app again: it must still find the same secrets
    const restarted = setup({ store: h.store, clock: h.clock });
    expect(restarted.platform.registerApp(app)).toEqual(reg);
    const { code } = await restarted.platform.login(app, {});
    const session = await restarted.server.get('/v1/sns/jscode2session', { appid: appId, secret: reg.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(session.body.openid).toEqual(expect.any(String));
    expect((await wx('checkSession', () => restarted.platform.checkSession(app, {}))).errMsg).toBe('checkSession:ok');
  });

  it.each(PROTOTYPE_NAMES)('an unregistered appid "%s" is refused by the server API (40013)', async (appId) => {
    const h = setup();
    expect((await h.server.post('/v1/pay/orderquery', { appid: appId, secret: 'x', out_trade_no: 'A1' })).body.errcode).toBe(40013);
    expect(h.platform.developerInfo(appId)).toBeUndefined();
  });

  it.each(PROTOTYPE_NAMES)('out_trade_no "%s": not found before it exists, then created, paid and queried as one order', async (no) => {
    const h = setup();
    const auth = { appid: 'shopA', secret: h.regs.shopA!.appSecret };
    expect((await h.server.post('/v1/pay/orderquery', { ...auth, out_trade_no: no })).body.errcode).toBe(40400);
    expect((await h.server.post('/v1/xpay/queryorder', { ...auth, out_trade_no: no })).body.errcode).toBe(40400);
    const created = await h.server.post('/v1/pay/unifiedorder', { ...auth, out_trade_no: no, description: 'Tea', total_fee: 120 });
    expect(created.body).toMatchObject({ errcode: 0, prepay_id: expect.stringMatching(/^wx/) });
    const fields = { appId: 'shopA', timeStamp: '1700000000', nonceStr: 'n0nce', package: `prepay_id=${created.body.prepay_id}`, signType: 'HMAC-SHA256' as const };
    const paid = await wx('requestPayment', () => h.platform.requestPayment({ appId: 'shopA', name: 'Shop A', version: '1.0.0', developerId: 'dev-acme' }, { ...fields, paySign: jsapiPaySign(fields, h.regs.shopA!.payKey) }));
    expect(paid.errMsg).toBe('requestPayment:ok');
    expect((await h.server.post('/v1/pay/orderquery', { ...auth, out_trade_no: no })).body.order).toMatchObject({ out_trade_no: no, total_fee: 120, trade_state: 'SUCCESS' });
    expect(h.platform.getWallet().balance).toBe(100_000 - 120);
  });

  it.each(PROTOTYPE_NAMES)('a virtual order "%s" is reserved, paid and queried as one order', async (no) => {
    const h = setup();
    const app: AppInfo = { appId: 'shopA', name: 'Shop A', version: '1.0.0', developerId: 'dev-acme' };
    const { code } = await h.platform.login(app, {});
    const s = await h.server.get('/v1/sns/jscode2session', { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: code, grant_type: 'authorization_code' });
    const signData = JSON.stringify({ offerId: 'o', buyQuantity: 2, env: 0, currencyType: 'CNY', outTradeNo: no });
    const params = { signData, mode: 'short_series_coin' as const, paySig: virtualPaySig(h.regs.shopA!.appKey, signData), signature: virtualUserSignature(s.body.session_key, signData) };
    expect((await wx('requestVirtualPayment', () => h.platform.requestVirtualPayment(app, params))).errMsg).toBe('requestVirtualPayment:ok');
    const q = await h.server.post('/v1/xpay/queryorder', { appid: 'shopA', secret: h.regs.shopA!.appSecret, out_trade_no: no });
    expect(q.body.order).toMatchObject({ out_trade_no: no, total_fee: 20, trade_state: 'SUCCESS' });
  });

  it.each(PROTOTYPE_NAMES)('login and phone code "%s" are invalid codes (40029), not stored ones', async (code) => {
    const h = setup();
    const auth = { appid: 'shopA', secret: h.regs.shopA!.appSecret };
    expect((await h.server.get('/v1/sns/jscode2session', { ...auth, js_code: code, grant_type: 'authorization_code' })).body.errcode).toBe(40029);
    expect((await h.server.post('/v1/wxa/getuserphonenumber', { ...auth, code })).body.errcode).toBe(40029);
  });

  it('refuses out_trade_no "__proto__", which a JSON document cannot hold as an entry, naming the field', async () => {
    const h = setup();
    const auth = { appid: 'shopA', secret: h.regs.shopA!.appSecret };
    const created = await h.server.post('/v1/pay/unifiedorder', { ...auth, out_trade_no: '__proto__', description: 'Tea', total_fee: 120 });
    expect(created.status).toBe(400);
    expect(created.body.errmsg).toMatch(/out_trade_no: .*"__proto__"/);
    const app: AppInfo = { appId: 'shopA', name: 'Shop A', version: '1.0.0', developerId: 'dev-acme' };
    const { code } = await h.platform.login(app, {});
    const s = await h.server.get('/v1/sns/jscode2session', { ...auth, js_code: code, grant_type: 'authorization_code' });
    const signData = JSON.stringify({ offerId: 'o', buyQuantity: 2, env: 0, currencyType: 'CNY', outTradeNo: '__proto__' });
    const params = { signData, mode: 'short_series_coin' as const, paySig: virtualPaySig(h.regs.shopA!.appKey, signData), signature: virtualUserSignature(s.body.session_key, signData) };
    const res = await wx('requestVirtualPayment', () => h.platform.requestVirtualPayment(app, params));
    expect(res.errCode).toBe(-1);
    expect(res.errMsg).toMatch(/invalid signData: outTradeNo "__proto__"/);
    expect(h.platform.getWallet().balance).toBe(100_000);
  });
});
