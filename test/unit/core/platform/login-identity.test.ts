import { describe, expect, it } from 'vitest';
import { APP_A, APP_A2, APP_B, setup, wx } from './harness';

const CODE2SESSION = '/v1/sns/jscode2session';

async function loginAndExchange(h: ReturnType<typeof setup>, app = APP_A) {
  const { code } = await h.platform.login(app, {});
  const res = await h.server.get(CODE2SESSION, { appid: app.appId, secret: h.regs[app.appId]!.appSecret, js_code: code, grant_type: 'authorization_code' });
  return { code, res };
}

describe('wx.login + jscode2session, as a mini program server sees them', () => {
  it('exchanges a fresh code for openid, a 16-byte session_key and unionid', async () => {
    const h = setup();
    const login = await wx('login', () => h.platform.login(APP_A, {}));
    expect(login.errMsg).toBe('login:ok');
    const res = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: String(login.code), grant_type: 'authorization_code' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['openid', 'session_key', 'unionid']);
    expect(Buffer.from(res.body.session_key, 'base64')).toHaveLength(16);
    expect(res.body.openid).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('refuses a code the second time with 40029', async () => {
    const h = setup();
    const { code, res } = await loginAndExchange(h);
    expect(res.body.openid).toBeDefined();
    const again = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(again.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('refuses a code older than 5 minutes with 40029 and accepts one just inside', async () => {
    const h = setup();
    const late = await h.platform.login(APP_A, {});
    h.clock.advance(5 * 60 * 1000);
    const r1 = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: late.code, grant_type: 'authorization_code' });
    expect(r1.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });

    const inTime = await h.platform.login(APP_A, {});
    h.clock.advance(5 * 60 * 1000 - 1);
    const r2 = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: inTime.code, grant_type: 'authorization_code' });
    expect(r2.body.session_key).toBeDefined();
  });

  it("refuses another app's code with 40029, and the rightful app can still use it", async () => {
    const h = setup();
    const { code } = await h.platform.login(APP_A, {});
    const stolen = await h.server.get(CODE2SESSION, { appid: 'shopB', secret: h.regs.shopB!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(stolen.body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    const own = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(own.body.openid).toBeDefined();
  });

  it('refuses an unknown code, a wrong secret (40125) and an unknown appid (40013)', async () => {
    const h = setup();
    const { code } = await h.platform.login(APP_A, {});
    const unknown = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: 'not-a-code', grant_type: 'authorization_code' });
    expect(unknown.body.errcode).toBe(40029);
    const wrongSecret = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopB!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(wrongSecret.body.errcode).toBe(40125);
    expect(wrongSecret.body.errmsg).toMatch(/^invalid appsecret/);
    const unknownApp = await h.server.get(CODE2SESSION, { appid: 'nobody', secret: h.regs.shopA!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(unknownApp.body.errcode).toBe(40013);
    expect(unknownApp.body.errmsg).toMatch(/^invalid appid/);
    // a failed authentication does not burn the code
    const ok = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: code, grant_type: 'authorization_code' });
    expect(ok.body.openid).toBeDefined();
  });

  it('answers 400 naming the bad field when the request does not match the schema', async () => {
    const h = setup();
    const res = await h.server.get(CODE2SESSION, { appid: 'shopA', secret: h.regs.shopA!.appSecret, js_code: 'x', grant_type: 'client_credential' });
    expect(res.status).toBe(400);
    expect(res.body.errcode).toBe(40097);
    expect(res.body.errmsg).toContain('grant_type');
    const missing = await h.server.get(CODE2SESSION, { appid: 'shopA', grant_type: 'authorization_code' } as Record<string, string>);
    expect(missing.status).toBe(400);
    expect(missing.body.errmsg).toContain('secret');
    expect(missing.body.errmsg).toContain('js_code');
  });

  it('gives each app its own openid, stable across logins', async () => {
    const h = setup();
    const a1 = (await loginAndExchange(h, APP_A)).res.body;
    const a2 = (await loginAndExchange(h, APP_A)).res.body;
    const b = (await loginAndExchange(h, APP_B)).res.body;
    expect(a1.openid).toBe(a2.openid);
    expect(a1.openid).not.toBe(b.openid);
    // neither reveals the local user id
    const userId = (h.store.get('platform:user') as { id: string }).id;
    expect(a1.openid).not.toContain(userId);
  });

  it('gives the same unionid to two apps of one developer and a different one across developers', async () => {
    const h = setup();
    const a = (await loginAndExchange(h, APP_A)).res.body;
    const a2 = (await loginAndExchange(h, APP_A2)).res.body;
    const b = (await loginAndExchange(h, APP_B)).res.body;
    expect(a.unionid).toBe(a2.unionid);
    expect(a.openid).not.toBe(a2.openid);
    expect(b.unionid).not.toBe(a.unionid);
  });

  it('derives ids from a secret of this installation, not from the user id alone', async () => {
    const first = setup();
    const second = setup();
    // same user id in both stores, different platform secrets
    const user = first.store.get('platform:user');
    second.store.set('platform:user', user);
    const a = (await loginAndExchange(first)).res.body;
    const b = (await loginAndExchange(second)).res.body;
    expect(a.openid).not.toBe(b.openid);
    expect(a.unionid).not.toBe(b.unionid);
  });

  it('rotates session_key on every login; the server gets the current one', async () => {
    const h = setup();
    const first = (await loginAndExchange(h)).res.body.session_key;
    const second = (await loginAndExchange(h)).res.body.session_key;
    expect(second).not.toBe(first);
  });
});

describe('wx.checkSession', () => {
  it('is ok after login and fails "session expired" after 3 days or before any login', async () => {
    const h = setup();
    expect(await wx('checkSession', () => h.platform.checkSession(APP_A, {}))).toEqual({ errMsg: 'checkSession:fail session expired' });
    await h.platform.login(APP_A, {});
    expect(await wx('checkSession', () => h.platform.checkSession(APP_A, {}))).toEqual({ errMsg: 'checkSession:ok' });
    h.clock.advance(3 * 24 * 3600 * 1000 - 1);
    expect((await wx('checkSession', () => h.platform.checkSession(APP_A, {}))).errMsg).toBe('checkSession:ok');
    h.clock.advance(1);
    expect((await wx('checkSession', () => h.platform.checkSession(APP_A, {}))).errMsg).toBe('checkSession:fail session expired');
    // another app's session is its own
    expect((await wx('checkSession', () => h.platform.checkSession(APP_B, {}))).errMsg).toBe('checkSession:fail session expired');
  });
});
