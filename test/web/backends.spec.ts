import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { expect, test } from './fixtures';

/**
 * The samples' merchant backends as the host runs them: reachable only from their own app's origin,
 * strict about bodies, and trusting a "paid" notification only when its sign verifies with the payKey.
 * The sign is recomputed here independently (WeChat Pay v2, HMAC-SHA256).
 */

function httpJson(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    const req = request({ host: '127.0.0.1', port: u.port, path: u.pathname + u.search, method: init.method ?? 'GET', headers: { ...(init.headers ?? {}), ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function v2Sign(fields: Record<string, string | number>, key: string): string {
  const plain = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('&') + `&key=${key}`;
  return createHmac('sha256', key).update(plain).digest('hex').toUpperCase();
}

/** The backend URL the host announces on the app's own origin (as the sample page fetches it). */
async function backendOf(port: number, appId: string): Promise<{ status: number; url?: string }> {
  const res = await httpJson(`http://127.0.0.1:${port}/__superapp__/backend.json`, { headers: { host: `${appId}.localhost:${port}` } });
  return { status: res.status, url: res.json.url as string | undefined };
}

test('each sample with a backend announces it on its own origin; others answer 404', async ({ host }) => {
  for (const appId of ['shop', 'game-shop']) {
    const found = await backendOf(host.port, appId);
    expect(found.status).toBe(200);
    expect(found.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }
  expect((await backendOf(host.port, 'api-showcase')).status).toBe(404);
});

test('the shop backend answers only its app\'s origin and explains bad requests', async ({ host }) => {
  const { url } = await backendOf(host.port, 'shop');
  const own = host.appOrigin('shop');

  const preflight = await httpJson(`${url}/orders`, { method: 'OPTIONS', headers: { origin: own, 'access-control-request-method': 'POST' } });
  expect(preflight.status).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe(own);

  const foreign = await httpJson(`${url}/products`, { headers: { origin: host.appOrigin('game-shop') } });
  expect(foreign.status).toBe(403);
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

  expect(await httpJson(`${url}/login`, { method: 'POST', headers: { origin: own }, body: {} })).toMatchObject({ status: 400, json: { error: 'code: code is required: pass the code from wx.login' } });
  expect(await httpJson(`${url}/login`, { method: 'POST', headers: { origin: own }, body: '{"code":' })).toMatchObject({ status: 400, json: { error: expect.stringContaining('not valid JSON') } });
  expect(await httpJson(`${url}/login`, { method: 'POST', headers: { origin: own }, body: { code: 'made-up' } })).toMatchObject({ status: 401, json: { error: expect.stringContaining('invalid code') } });
  expect(await httpJson(`${url}/orders`, { method: 'POST', headers: { origin: own }, body: { productId: 'oolong' } })).toMatchObject({ status: 401, json: { error: 'not signed in: call POST /login with a wx.login code first' } });
});

test('the shop backend rejects a paid notification whose sign does not verify', async ({ host }) => {
  const { url } = await backendOf(host.port, 'shop');
  const dev = host.runtime.shell.platform!.developerInfo('shop')!;
  const fields = { out_trade_no: 'SHOP-unknown-1', prepay_id: 'p1', total_fee: 1234, trade_state: 'SUCCESS', paid_at: 1700000000, openid: 'o1' };

  const forged = await httpJson(`${url}/notify`, { method: 'POST', body: { ...fields, sign: v2Sign(fields, 'not-the-pay-key') } });
  expect(forged).toMatchObject({ status: 400, json: { error: 'sign does not verify with this merchant\'s payKey' } });
  const tampered = await httpJson(`${url}/notify`, { method: 'POST', body: { ...fields, sign: v2Sign(fields, dev.payKey), total_fee: 1 } });
  expect(tampered.status).toBe(400);
  // correctly signed, but for an order this merchant never created
  const unknown = await httpJson(`${url}/notify`, { method: 'POST', body: { ...fields, sign: v2Sign(fields, dev.payKey) } });
  expect(unknown).toMatchObject({ status: 404, json: { error: 'unknown out_trade_no SHOP-unknown-1' } });
});
