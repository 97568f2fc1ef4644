import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, shellClient, startTestHost, viewTokenFromPage, type TestHost } from './helpers';

let t: TestHost;
let port: number;
const alpha = () => `alpha.localhost:${port}`;

beforeAll(async () => {
  t = await startTestHost();
  port = t.host.port;
});
afterAll(() => t.close());

describe('Host header check (DNS-rebinding defence)', () => {
  it('refuses a page reached under a foreign name with 421 and says why', async () => {
    const answer = await http(port, { host: `attacker.example:${port}`, path: '/' });
    expect(answer.status).toBe(421);
    expect(answer.body).toContain(`Host "attacker.example:${port}" is not served here`);
    expect(answer.body).not.toContain(t.host.shellToken);
  });

  it('refuses the right name on another port', async () => {
    const answer = await http(port, { host: `localhost:${port + 1}`, path: '/' });
    expect(answer.status).toBe(421);
  });

  it('answers 404 for an app origin nobody installed', async () => {
    const answer = await http(port, { host: `nobody.localhost:${port}`, path: '/index.html' });
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('No installed mini program answers at nobody.localhost');
  });
});

describe('shell page', () => {
  it('embeds the per-run shell token only on the shell origin, with a policy nobody can frame', async () => {
    const page = await http(port, { host: `localhost:${port}`, path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="shell-token" content="${t.host.shellToken}">`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    for (const path of ['/', '/index.html', '/alpha/index.html']) {
      const fromApp = await http(port, { host: alpha(), path });
      expect(fromApp.body).not.toContain(t.host.shellToken);
    }
  });
});

describe('mini program files', () => {
  it('serves a package file from the app origin with its content type, nosniff and no-store for a dev app', async () => {
    const css = await http(port, { host: alpha(), path: '/data.json' });
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(css.headers['x-content-type-options']).toBe('nosniff');
    expect(css.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(css.body)).toEqual({ a: 1 });
    const svg = await http(port, { host: alpha(), path: '/icon.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('gives app pages a policy: framed only by the shell, connecting only to themselves, no plugins', async () => {
    const page = await http(port, { host: alpha(), path: '/index.html' });
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain(`frame-ancestors http://localhost:${port}`);
    expect(csp).toContain(`connect-src 'self' ws://alpha.localhost:${port}`);
    expect(csp).toContain("object-src 'none'");
    // opened without a view, the page gets no token (it was not launched)
    expect(page.body).not.toContain('__superapp_boot__');
  });

  it('refuses traversal out of the package: "..", encoded, double-encoded, backslash and a planted symlink', async () => {
    writeFileSync(join(t.dataDir, 'secret.txt'), 'TOP SECRET');
    symlinkSync(join(t.dataDir, 'secret.txt'), join(t.dataDir, 'apps', 'alpha', 'link.txt'));
    for (const path of [
      '/../../secret.txt',
      '/%2e%2e/%2e%2e/secret.txt',
      '/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/%252e%252e/%252e%252e/secret.txt',
      '/..%5c..%5csecret.txt',
      '/../beta/index.html',
      '/link.txt',
      '/../../superapp-state.json',
    ]) {
      const answer = await http(port, { host: alpha(), path });
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('TOP SECRET');
      expect(answer.body, path).not.toContain('appSecret');
    }
  });

  it('treats the files as read-only', async () => {
    const answer = await http(port, { host: alpha(), path: '/index.html', method: 'POST', body: 'x' });
    expect(answer.status).toBe(405);
  });

  it('embeds the boot config before the page scripts only for a launched view of that same app', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const launched = await shell.call('launch', { appId: 'alpha' });
    const { url, viewId } = launched.output as { url: string; viewId: number };
    await t.host.runtime.dispatchFromView(viewId, { v: 1, id: 1, api: 'setStorage', params: { key: 'greeting', data: 'hi there' } });

    const { token, page } = await viewTokenFromPage(port, url);
    expect(token).toBe(t.host.views.openViews().find((v) => v.viewId === viewId)!.token);
    const boot = page.indexOf('__superapp_boot__');
    expect(boot).toBeGreaterThan(0);
    expect(page.indexOf('<script src="/__superapp__/wx.js?v=')).toBeGreaterThan(boot);
    expect(page.indexOf('<script>window.__first')).toBeGreaterThan(page.indexOf('/__superapp__/wx.js'));
    expect(page).toContain('"storageMirror":{"greeting":"hi there"}');

    // app beta's origin asking for alpha's view gets no token
    const stolen = await http(port, { host: `beta.localhost:${port}`, path: `/index.html?__view=${viewId}` });
    expect(stolen.status).toBe(403);
    expect(stolen.body).not.toContain(token);
    shell.socket.close();
  });

  it("names wx.js's build in the page, so a launch reuses the cached script until a rebuild changes its URL", async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const srcOf = async () => {
      const { url, viewId } = (await shell.call('launch', { appId: 'alpha' })).output as { url: string; viewId: number };
      const { page } = await viewTokenFromPage(port, url);
      await shell.call('close', { viewId });
      return /<script src="(\/__superapp__\/wx\.js\?v=[^"]+)">/.exec(page)?.[1];
    };
    const src = await srcOf();
    expect(src).toBeDefined();
    const named = await http(port, { host: alpha(), path: src! });
    expect(named.status).toBe(200);
    expect(named.body).toBe('/* wx */');
    expect(named.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // without the current build's name (an old page, a hand-typed URL) it is revalidated every time
    for (const path of ['/__superapp__/wx.js', '/__superapp__/wx.js?v=0-0']) {
      const other = await http(port, { host: alpha(), path });
      expect(other.body).toBe('/* wx */');
      expect(other.headers['cache-control']).toBe('no-cache');
    }
    // a rebuild (another size) is another URL, so no page keeps running the old script
    writeFileSync(join(t.dir, 'wx.js'), '/* wx, rebuilt */');
    const rebuilt = await srcOf();
    expect(rebuilt).not.toBe(src);
    expect((await http(port, { host: alpha(), path: rebuilt! })).body).toBe('/* wx, rebuilt */');
    shell.socket.close();
  });

  it('tells an app without a merchant backend that it has none', async () => {
    const answer = await http(port, { host: alpha(), path: '/__superapp__/backend.json' });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error).toContain('alpha has no merchant backend');
  });

  it('answers byte ranges on package files so <video>/<audio> can seek: 206, 416, whole file otherwise', async () => {
    // data.json is the 7 bytes {"a":1}
    const whole = await http(port, { host: alpha(), path: '/data.json' });
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const middle = await http(port, { host: alpha(), path: '/data.json', headers: { Range: 'bytes=1-3' } });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe('bytes 1-3/7');
    expect(middle.headers['content-length']).toBe('3');
    expect(middle.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(middle.headers['accept-ranges']).toBe('bytes');
    expect(middle.body).toBe('"a"');
    expect((await http(port, { host: alpha(), path: '/data.json', headers: { Range: 'bytes=5-' } })).body).toBe('1}');
    expect((await http(port, { host: alpha(), path: '/data.json', headers: { Range: 'bytes=-2' } })).body).toBe('1}');

    const past = await http(port, { host: alpha(), path: '/data.json', headers: { Range: 'bytes=7-' } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */7');
    expect(past.headers['accept-ranges']).toBe('bytes');

    const multi = await http(port, { host: alpha(), path: '/data.json', headers: { Range: 'bytes=0-1,3-4' } });
    expect(multi.status).toBe(200);
    expect(multi.body).toBe('{"a":1}');
    const head = await http(port, { host: alpha(), path: '/data.json', method: 'HEAD', headers: { Range: 'bytes=1-3' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('7');
    // pages are generated (boot config injected): always whole
    const page = await http(port, { host: alpha(), path: '/index.html', headers: { Range: 'bytes=0-4' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<p>hello</p>');
  });
});

function zipOf(files: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

describe('package upload', () => {
  const manifest = JSON.stringify({ appId: 'zipped', name: 'Zipped', version: '1.0.0', entry: 'index.html' });

  it('refuses an upload without the shell token or from another origin', async () => {
    const body = await zipOf({ 'manifest.json': manifest, 'index.html': '<p>z</p>' });
    const noToken = await http(port, { host: `localhost:${port}`, path: '/shell/upload', method: 'POST', body, headers: { origin: `http://localhost:${port}`, 'x-file-name': 'z.zip' } });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toContain('x-shell-token');
    const fromApp = await http(port, { host: `localhost:${port}`, path: '/shell/upload', method: 'POST', body, headers: { origin: `http://alpha.localhost:${port}`, 'x-shell-token': t.host.shellToken, 'x-file-name': 'z.zip' } });
    expect(fromApp.status).toBe(403);
    expect(fromApp.body).toContain('uploads come only from the shell page');
  });

  it('stores a .zip and installs it through the shell channel', async () => {
    const body = await zipOf({ 'manifest.json': manifest, 'index.html': '<p>zipped app</p>' });
    const up = await http(port, {
      host: `localhost:${port}`,
      path: '/shell/upload',
      method: 'POST',
      body,
      headers: { origin: `http://localhost:${port}`, 'x-shell-token': t.host.shellToken, 'x-file-name': encodeURIComponent('my app.zip') },
    });
    expect(up.status).toBe(200);
    const { source } = JSON.parse(up.body) as { source: string };
    expect(source.startsWith(join(t.dataDir, 'uploads'))).toBe(true);
    const shell = await shellClient(port, t.host.shellToken);
    const installed = await shell.call('install', { source });
    expect(installed.ok).toBe(true);
    const page = await http(port, { host: `zipped.localhost:${port}`, path: '/index.html' });
    expect(page.body).toContain('zipped app');
    shell.socket.close();
  });

  it('refuses a file that is neither a .zip nor an image with a message saying what to pick', async () => {
    const up = await http(port, { host: `localhost:${port}`, path: '/shell/upload', method: 'POST', body: 'x', headers: { origin: `http://localhost:${port}`, 'x-shell-token': t.host.shellToken, 'x-file-name': 'notes.txt' } });
    expect(up.status).toBe(400);
    expect(JSON.parse(up.body)).toEqual({
      message: 'The upload has no usable file name, or it is neither a .zip nor an image.',
      hint: 'Pick a mini program package saved as .zip (or, in a chooser, an image) and try again.',
    });
  });
});

describe('platform server API on loopback', () => {
  it('answers bad JSON and schema failures with 400 naming the field', async () => {
    const badJson = await http(port, { host: `127.0.0.1:${port}`, path: '/v1/pay/unifiedorder', method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).errmsg).toContain('not valid JSON');
    const badField = await http(port, { host: `127.0.0.1:${port}`, path: '/v1/pay/unifiedorder', method: 'POST', body: JSON.stringify({ appid: 'alpha', secret: 's', out_trade_no: 'o1', description: 'x', total_fee: -5 }) });
    expect(badField.status).toBe(400);
    expect(JSON.parse(badField.body).errmsg).toContain('total_fee');
  });

  it('takes GET input from the query string and checks the secret', async () => {
    const answer = await http(port, { host: `127.0.0.1:${port}`, path: '/v1/sns/jscode2session?appid=alpha&secret=wrong&js_code=abc&grant_type=authorization_code' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).errcode).toBe(40125);
  });

  it('refuses a POST that a browser page sends (it carries an Origin)', async () => {
    const answer = await http(port, { host: `127.0.0.1:${port}`, path: '/v1/pay/orderquery', method: 'POST', body: '{}', headers: { origin: `http://alpha.localhost:${port}` } });
    expect(answer.status).toBe(403);
  });
});
