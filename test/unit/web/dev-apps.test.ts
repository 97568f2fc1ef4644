import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closed, connectWs, http, shellClient, startTestHost, viewTokenFromPage, waitFor, type TestHost } from './helpers';

let t: TestHost;
let port: number;

beforeAll(async () => {
  t = await startTestHost([{ appId: 'devapp' }], { allowLoopback: ['http://127.0.0.1:3999/'] });
  port = t.host.port;
});
afterAll(() => t.close());

describe('--app development folders', () => {
  it('--allow-loopback lets the dev apps reach that local server with wx.request, and nothing else on loopback', () => {
    expect([...t.host.runtime.network.loopback.allowed('devapp')]).toEqual(['http://127.0.0.1:3999']);
  });

  it('serves edits after a save and tells open views to reload', async () => {
    const shell = await shellClient(port, t.host.shellToken);
    const { url, viewId } = (await shell.call('launch', { appId: 'devapp' })).output as { url: string; viewId: number };
    shell.socket.close();
    const { token, reloadUrl } = await viewTokenFromPage(port, url);
    const outcome = await connectWs(`ws://devapp.localhost:${port}/ws/bridge?view=${viewId}&token=${token}`, `http://devapp.localhost:${port}`);
    if (!outcome.opened) throw new Error(outcome.body);
    const reload = closed(outcome.socket);

    writeFileSync(join(t.dir, 'src', 'devapp', 'app.js'), 'console.log("edited");');
    expect(await reload).toEqual({ code: 4001, reason: 'files changed' });
    await waitFor(async () => (await http(port, { host: `devapp.localhost:${port}`, path: '/app.js' })).body.includes('edited'), 'the edit to be served');
    // the view survives the reload: its page can fetch its entry (and a token) again, with the key it was
    // handed for its reload (the launch URL's key is used up); each load gets its own token
    const reloaded = await viewTokenFromPage(port, reloadUrl);
    expect(reloaded.token).not.toBe(token);
    expect(reloaded.token).toBe(t.host.views.openViews().find((v) => v.viewId === viewId)!.token);
  });

  it('keeps the last good version while an edit breaks the manifest, and picks up the fix', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const manifestFile = join(t.dir, 'src', 'devapp', 'manifest.json');
    const good = readFileSync(manifestFile, 'utf8');
    writeFileSync(manifestFile, '{ "appId": ');
    writeFileSync(join(t.dir, 'src', 'devapp', 'app.js'), 'console.log("broken build");');
    await waitFor(() => errors.mock.calls.some((c) => String(c[0]).includes('manifest.json is not valid JSON')), 'the failed reinstall to be reported');
    expect((await http(port, { host: `devapp.localhost:${port}`, path: '/app.js' })).body).not.toContain('broken build');

    writeFileSync(manifestFile, good);
    await waitFor(async () => (await http(port, { host: `devapp.localhost:${port}`, path: '/app.js' })).body.includes('broken build'), 'the fixed app to be served');
    errors.mockRestore();
  });
});
