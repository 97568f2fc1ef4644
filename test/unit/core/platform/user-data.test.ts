import { describe, expect, it } from 'vitest';
import { APP_A, APP_B, setup, T0, wx } from './harness';
import { decryptUserData, userInfoSignature } from './wechat-server-kit';

async function sessionKeyOf(h: ReturnType<typeof setup>, app = APP_A): Promise<string> {
  const { code } = await h.platform.login(app, {});
  const res = await h.server.get('/v1/sns/jscode2session', { appid: app.appId, secret: h.regs[app.appId]!.appSecret, js_code: code, grant_type: 'authorization_code' });
  return res.body.session_key;
}

describe('wx.getUserProfile', () => {
  it('asks every time with the desc and profile, and the server can verify and decrypt the result', async () => {
    const h = setup();
    const sessionKey = await sessionKeyOf(h);
    h.clock.advance(42_000);
    const res = await wx('getUserProfile', () => h.platform.getUserProfile(APP_A, { desc: 'Show your name on orders' }));
    expect(res.errMsg).toBe('getUserProfile:ok');
    expect(h.prompter.sheets).toEqual([
      { kind: 'userProfile', app: { appId: 'shopA', name: 'Shop A' }, desc: 'Show your name on orders', profile: res.userInfo },
    ]);

    expect(res.rawData).toBe(JSON.stringify(res.userInfo));
    expect(res.signature).toBe(userInfoSignature(String(res.rawData), sessionKey));
    const plain = decryptUserData(String(res.encryptedData), sessionKey, String(res.iv));
    const { watermark, ...profile } = plain;
    expect(profile).toEqual(res.userInfo);
    expect(watermark).toEqual({ appid: 'shopA', timestamp: Math.floor((T0 + 42_000) / 1000) });
    expect((res.userInfo as { nickName: string }).nickName).toBe(h.platform.getProfile().nickName);

    await h.platform.getUserProfile(APP_A, { desc: 'again' });
    expect(h.prompter.sheets).toHaveLength(2);
    expect(h.ledger.entries.map((e) => [e.appId, e.scope, e.action])).toEqual([
      ['shopA', 'userProfile', 'consent'],
      ['shopA', 'userProfile', 'consent'],
    ]);
  });

  it('fails "auth deny" (errno 103) when the user refuses, and records the refusal', async () => {
    const h = setup();
    await h.platform.login(APP_A, {});
    h.prompter.answerNext({ confirmed: false });
    expect(await wx('getUserProfile', () => h.platform.getUserProfile(APP_A, { desc: 'why' }))).toEqual({
      errMsg: 'getUserProfile:fail auth deny',
      errno: 103,
    });
    expect(h.ledger.entries.map((e) => e.action)).toEqual(['decline']);
  });

  it('requires a login session first and then does not bother the user', async () => {
    const h = setup();
    expect(await wx('getUserProfile', () => h.platform.getUserProfile(APP_A, { desc: 'why' }))).toEqual({
      errMsg: 'getUserProfile:fail login required: call wx.login first',
    });
    expect(h.prompter.sheets).toHaveLength(0);
  });

  it('shows the edited profile after updateProfile', async () => {
    const h = setup();
    await h.platform.login(APP_A, {});
    h.platform.updateProfile({ nickName: 'Mei', city: 'Chengdu' });
    const res = await h.platform.getUserProfile(APP_A, { desc: 'why' });
    expect(res.userInfo).toMatchObject({ nickName: 'Mei', city: 'Chengdu' });
  });
});

describe('wx.getUserInfo', () => {
  it('returns signed and encrypted user info for the current session without a sheet', async () => {
    const h = setup();
    await sessionKeyOf(h);
    const sessionKey = await sessionKeyOf(h); // the second login rotated the key: data must use the new one
    const res = await wx('getUserInfo', () => h.platform.getUserInfo(APP_A, {}));
    expect(res.errMsg).toBe('getUserInfo:ok');
    expect(h.prompter.sheets).toHaveLength(0);
    expect(res.signature).toBe(userInfoSignature(String(res.rawData), sessionKey));
    expect(decryptUserData(String(res.encryptedData), sessionKey, String(res.iv)).watermark.appid).toBe('shopA');
  });

  it('leaves out encryptedData and iv when withCredentials is false', async () => {
    const h = setup();
    await h.platform.login(APP_A, {});
    const res = await h.platform.getUserInfo(APP_A, { withCredentials: false });
    expect(res.encryptedData).toBeUndefined();
    expect(res.iv).toBeUndefined();
    expect(res.signature).toMatch(/^[0-9a-f]{40}$/);
  });

  it('fails "login required" without a session, including after it expired', async () => {
    const h = setup();
    expect((await wx('getUserInfo', () => h.platform.getUserInfo(APP_A, {}))).errMsg).toBe('getUserInfo:fail login required: call wx.login first');
    await h.platform.login(APP_A, {});
    h.clock.advance(3 * 24 * 3600 * 1000);
    expect((await wx('getUserInfo', () => h.platform.getUserInfo(APP_A, {}))).errMsg).toBe('getUserInfo:fail login required: call wx.login first');
  });
});

describe('wx.getPhoneNumber', () => {
  it('asks with the masked number and the server exchanges the code once for phone_info', async () => {
    const h = setup();
    h.clock.advance(7_000);
    const res = await wx('getPhoneNumber', () => h.platform.getPhoneNumber(APP_A, {}));
    expect(res.errMsg).toBe('getPhoneNumber:ok');
    expect(h.prompter.sheets).toEqual([{ kind: 'phoneNumber', app: { appId: 'shopA', name: 'Shop A' }, maskedPhone: '138****8000' }]);

    const body = { appid: 'shopA', secret: h.regs.shopA!.appSecret, code: String(res.code) };
    const first = await h.server.post('/v1/wxa/getuserphonenumber', body);
    expect(first.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { appid: 'shopA', timestamp: Math.floor((T0 + 7_000) / 1000) },
      },
    });
    expect((await h.server.post('/v1/wxa/getuserphonenumber', body)).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect(h.ledger.entries.map((e) => [e.scope, e.action, e.via])).toEqual([['phoneNumber', 'consent', 'getPhoneNumber']]);
  });

  it("refuses another app's phone code and an expired one with 40029", async () => {
    const h = setup();
    const { code } = await h.platform.getPhoneNumber(APP_A, {});
    expect((await h.server.post('/v1/wxa/getuserphonenumber', { appid: 'shopB', secret: h.regs.shopB!.appSecret, code })).body.errcode).toBe(40029);
    h.clock.advance(5 * 60 * 1000);
    expect((await h.server.post('/v1/wxa/getuserphonenumber', { appid: 'shopA', secret: h.regs.shopA!.appSecret, code })).body.errcode).toBe(40029);
  });

  it('fails "user deny" (errno 103) when refused and issues no code', async () => {
    const h = setup();
    h.prompter.answerNext({ confirmed: false });
    expect(await wx('getPhoneNumber', () => h.platform.getPhoneNumber(APP_B, {}))).toEqual({ errMsg: 'getPhoneNumber:fail user deny', errno: 103 });
    expect(h.ledger.entries.map((e) => e.action)).toEqual(['decline']);
    expect(h.store.get('platform:phoneCodes') ?? {}).toEqual({});
  });
});
