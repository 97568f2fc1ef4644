import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WxHeadersReceived, WxRequestSuccess } from '../../../../client';
import { APP_ID, makeCert, netHarness, settle, startServer, waitFor, type NetHarness, type TestCert, type TestServer } from './support';

let cert: TestCert;
let server: TestServer;
let h: NetHarness;

beforeAll(async () => {
  cert = makeCert();
  server = await startServer(cert);
  server.routes.set('/echo', (req, res, body) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Trace': 'abc', 'Set-Cookie': ['sid=1; HttpOnly', 'theme=dark'] });
    res.end(JSON.stringify({ method: req.method, url: req.url, referer: req.headers.referer, contentType: req.headers['content-type'], custom: req.headers['x-custom'], body: body.toString('utf8') }));
  });
  server.routes.set('/text', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('\uFEFFnot json'));
  server.routes.set('/bytes', (_req, res) => res.writeHead(200).end(Buffer.from([0, 1, 2, 250, 255])));
  server.routes.set('/big', (_req, res) => res.writeHead(200).end(Buffer.alloc(5000, 7)));
  server.routes.set('/slow', () => undefined);
  server.routes.set('/redirect', (req, res) => res.writeHead(302, { Location: new URL(req.url!, 'https://x').searchParams.get('to')! }).end());
});

afterAll(async () => {
  await server.close();
  rmSync(cert.dir, { recursive: true, force: true });
});

afterEach(() => h?.close());

const url = (path: string, host = 'localhost') => `https://${host}:${server.port}${path}`;

describe('wx.request through the host', () => {
  it('GET turns object data into the query string, sets Referer/content-type itself, and answers { data, statusCode, header, cookies }', async () => {
    h = netHarness(server, cert);
    const headers: WxHeadersReceived[] = [];
    const outcome = await settle<WxRequestSuccess>((cb) => {
      const task = h.wx.request({ url: url('/echo?a=1'), data: { q: 'tea & cake', n: 2 }, header: { 'X-Custom': 'yes', Referer: 'https://evil.example/' }, ...cb });
      task.onHeadersReceived((r) => headers.push(r));
    });
    expect(outcome.ok).toBe(true);
    const result = outcome.result as WxRequestSuccess;
    expect(result.errMsg).toBe('request:ok');
    expect(result.statusCode).toBe(200);
    expect(result.data).toEqual({
      method: 'GET',
      url: '/echo?a=1&q=tea%20%26%20cake&n=2',
      referer: `https://servicewechat.superapp.invalid/${APP_ID}/2.3.4/page-frame.html`,
      contentType: 'application/json',
      custom: 'yes',
      body: '',
    });
    expect(result.header['X-Trace']).toBe('abc');
    expect(result.cookies).toEqual(['sid=1; HttpOnly', 'theme=dark']);
    expect(headers).toEqual([{ statusCode: 200, header: result.header, cookies: result.cookies }]);
  });

  it('POST sends JSON by default, a query string for x-www-form-urlencoded, strings and ArrayBuffers as they are', async () => {
    h = netHarness(server, cert);
    const post = async (data: unknown, header: Record<string, string> = {}) => {
      const r = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), method: 'POST', data: data as string, header, ...cb }));
      return (r.result as WxRequestSuccess).data as { body: string; contentType: string };
    };
    expect(await post({ a: [1, 2] })).toMatchObject({ body: '{"a":[1,2]}', contentType: 'application/json' });
    expect(await post({ a: 'x y', b: 1 }, { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ body: 'a=x%20y&b=1' });
    expect(await post('raw text', { 'content-type': 'text/plain' })).toMatchObject({ body: 'raw text', contentType: 'text/plain' });
    expect(await post(new Uint8Array([104, 105]).buffer, { 'content-type': 'application/octet-stream' })).toMatchObject({ body: 'hi' });
    expect(server.seen.at(-1)?.method).toBe('POST');
  });

  it('PUT and DELETE carry the method; dataType other than json keeps the text; responseType arraybuffer gives an ArrayBuffer', async () => {
    h = netHarness(server, cert);
    const put = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), method: 'PUT', data: { x: 1 }, ...cb }));
    expect((put.result as WxRequestSuccess).data).toMatchObject({ method: 'PUT' });
    const del = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), method: 'DELETE', ...cb }));
    expect((del.result as WxRequestSuccess).data).toMatchObject({ method: 'DELETE' });
    const text = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/text'), ...cb }));
    expect((text.result as WxRequestSuccess).data).toBe('not json');
    const other = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), dataType: 'other', ...cb }));
    expect(typeof (other.result as WxRequestSuccess).data).toBe('string');
    const bytes = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/bytes'), responseType: 'arraybuffer', ...cb }));
    const data = (bytes.result as WxRequestSuccess).data;
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(data as ArrayBuffer)]).toEqual([0, 1, 2, 250, 255]);
  });

  it('refuses a domain not declared, plain http, a written default port and a bad URL with WeChat errMsgs', async () => {
    h = netHarness(server, cert);
    const run = (u: string) => settle<WxRequestSuccess>((cb) => h.wx.request({ url: u, ...cb }));
    expect((await run('https://not-declared.test/x')).result).toEqual({ errMsg: 'request:fail url not in domain list', errno: 600002 });
    expect((await run('http://api.test/x')).result).toEqual({ errMsg: 'request:fail url not in domain list', errno: 600002 });
    expect((await run(`https://localhost:${server.port + 1}/x`)).result).toMatchObject({ errMsg: 'request:fail url not in domain list' });
    expect((await run('ftp://localhost/x')).result).toEqual({ errMsg: 'request:fail invalid url "ftp://localhost/x"' });
    expect((await run('')).result).toMatchObject({ errMsg: expect.stringMatching(/^request:fail parameter error: parameter\.url/) });
    expect(server.seen.filter((s) => s.url === '/x')).toEqual([]);
  });

  it('refuses a declared name that resolves to loopback or the LAN unless that exact origin is allowed', async () => {
    h = netHarness(server, cert);
    const run = (u: string) => settle<WxRequestSuccess>((cb) => h.wx.request({ url: u, ...cb }));
    const before = server.seen.length;
    expect((await run(url('/echo', 'rebind.test'))).result).toEqual({ errMsg: 'request:fail address not allowed: 127.0.0.1 is a loopback address' });
    expect((await run(url('/echo', 'lan.test'))).result).toEqual({ errMsg: 'request:fail address not allowed: 192.168.1.20 is a private address' });
    expect(server.seen.length).toBe(before);
    // api.test resolves to 127.0.0.1 too, but https://api.test:PORT is an allowed origin
    expect((await run(url('/echo', 'api.test'))).ok).toBe(true);
  });

  it('re-checks every redirect: to a private address, to an undeclared domain', async () => {
    h = netHarness(server, cert);
    const run = (to: string) => settle<WxRequestSuccess>((cb) => h.wx.request({ url: url(`/redirect?to=${encodeURIComponent(to)}`), ...cb }));
    expect((await run(url('/echo', 'lan.test'))).result).toEqual({ errMsg: 'request:fail address not allowed: 192.168.1.20 is a private address' });
    expect((await run(url('/echo', 'rebind.test'))).result).toEqual({ errMsg: 'request:fail address not allowed: 127.0.0.1 is a loopback address' });
    expect((await run('https://elsewhere.test/')).result).toEqual({ errMsg: 'request:fail url not in domain list', errno: 600002 });
    const followed = await run(url('/echo?from=redirect'));
    expect((followed.result as WxRequestSuccess).data).toMatchObject({ url: '/echo?from=redirect' });
  });

  it("never reaches the shell's own ports, even as an allowed origin", async () => {
    h = netHarness(server, cert, { hostPorts: [server.port] });
    const r = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), ...cb }));
    expect(r.result).toEqual({ errMsg: `request:fail address not allowed: 127.0.0.1:${server.port} is the shell itself` });
  });

  it('times out with "request:fail timeout" and aborts with "request:fail abort"', async () => {
    h = netHarness(server, cert);
    const timedOut = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/slow'), timeout: 150, ...cb }));
    expect(timedOut.result).toEqual({ errMsg: 'request:fail timeout', errno: 5 });
    const aborted = await settle<WxRequestSuccess>((cb) => {
      const task = h.wx.request({ url: url('/slow'), ...cb });
      setTimeout(() => task.abort(), 50);
    });
    expect(aborted.result).toEqual({ errMsg: 'request:fail abort' });
  });

  it('runs 10 requests of an app at once and queues the 11th until one ends', async () => {
    h = netHarness(server, cert);
    const heldBefore = server.held.length;
    const outcomes = Array.from({ length: 11 }, () => settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/hold'), ...cb })));
    await waitFor(() => server.held.length - heldBefore === 10, '10 requests at the server');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.held.length - heldBefore).toBe(10);
    expect(h.network.load(APP_ID, 'request')).toEqual({ active: 10, queued: 1 });
    server.release();
    await waitFor(() => server.held.length === 1, 'the 11th request at the server');
    expect(h.network.load(APP_ID, 'request')).toEqual({ active: 1, queued: 0 });
    server.release();
    const results = await Promise.all(outcomes);
    expect(results.every((r) => r.ok && (r.result as WxRequestSuccess).statusCode === 200)).toBe(true);
  });

  it('refuses a response over the size cap with a clear errMsg', async () => {
    h = netHarness(server, cert, { limits: { maxResponseBytes: 1024 } });
    const r = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/big'), ...cb }));
    expect(r.result).toEqual({ errMsg: 'request:fail response too large: more than 1024 bytes' });
  });

  it('says "ssl hand shake error" for a certificate the host does not trust', async () => {
    h = netHarness(server, cert, { trust: false });
    const r = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), ...cb }));
    expect(r.result).toEqual({ errMsg: 'request:fail ssl hand shake error' });
  });

  it('is recorded for the inspector (method, URL, status, bytes, ms) and obeys mock rules', async () => {
    h = netHarness(server, cert);
    await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/big'), method: 'POST', data: 'x', ...cb }));
    const record = h.shell.calls.list().find((c) => c.api === 'request')!;
    expect(record).toMatchObject({ appId: APP_ID, outcome: 'ok', params: { url: url('/big'), method: 'POST' } });
    expect(record.result).toMatchObject({ statusCode: 200, profile: { sendBytesCount: 1, receivedBytedCount: 5000 } });
    expect(record.ms).toBeGreaterThanOrEqual(0);

    h.shell.mocks.set({ appId: APP_ID, api: 'request', action: { type: 'succeed', result: { data: { mocked: true }, statusCode: 201, header: {}, cookies: [] } }, enabled: true });
    const seen = server.seen.length;
    const mocked = await settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/echo'), ...cb }));
    expect(mocked.result).toEqual({ data: { mocked: true }, statusCode: 201, header: {}, cookies: [], errMsg: 'request:ok' });
    expect(server.seen.length).toBe(seen);
  });

  it('returns the task at once and gives Promise style no special treatment, as WeChat', () => {
    h = netHarness(server, cert);
    const task = h.wx.request({ url: url('/echo') });
    expect(Object.keys(task).sort()).toEqual(['abort', 'offHeadersReceived', 'onHeadersReceived']);
    expect(task).not.toBeInstanceOf(Promise);
  });

  it('stops the tasks of a view that closes', async () => {
    h = netHarness(server, cert);
    const pending = settle<WxRequestSuccess>((cb) => h.wx.request({ url: url('/slow'), ...cb }));
    await waitFor(() => server.seen.some((s) => s.url === '/slow'), 'the request at the server');
    h.network.viewClosed(h.caller.webViewId);
    expect((await pending).result).toEqual({ errMsg: 'request:fail abort' });
  });
});
