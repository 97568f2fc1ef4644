import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../web/host';
import { http, shellClient, waitFor, writeApp } from './helpers';

/** A merchant backend that answers with the registration it was started with. */
const BACKEND = `
import { createServer } from 'node:http';
export async function startBackend(options: { appId: string; appSecret: string; payKey: string; appKey: string; platformUrl: string; allowOrigin: string }) {
  const server = createServer((_req, res) => {
    res.setHeader('access-control-allow-origin', options.allowOrigin);
    res.end(JSON.stringify(options));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.address() as { port: number }).port;
  return { url: 'http://127.0.0.1:' + port, close: () => new Promise<void>((done) => server.close(() => done())) };
}
`;

let dir: string;
let host: WebHost;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webhost-backends-'));
  const examples = join(dir, 'examples');
  const folder = writeApp(examples, { appId: 'merchant' });
  mkdirSync(join(folder, 'backend'));
  writeFileSync(join(folder, 'backend', 'server.ts'), BACKEND);
  writeApp(examples, { appId: 'plain' });
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head></html>');
  host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), examplesDir: examples, quiet: true, rendererDir, wxScriptFile: join(dir, 'none.js') });
  port = host.port;
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function backendOf(appId: string): Promise<{ status: number; url?: string }> {
  const answer = await http(port, { host: `${appId}.localhost:${port}`, path: '/__superapp__/backend.json' });
  return { status: answer.status, ...(answer.status === 200 ? (JSON.parse(answer.body) as { url: string }) : {}) };
}

async function registrationSeenBy(url: string): Promise<Record<string, string>> {
  return (await fetch(url)).json() as Promise<Record<string, string>>;
}

describe('sample merchant backends', () => {
  it('seeds the samples on first start and starts the backend of the one that has it, with its registration', async () => {
    expect(host.runtime.catalog.list().map((e) => e.appId).sort()).toEqual(['merchant', 'plain']);
    const { status, url } = await backendOf('merchant');
    expect(status).toBe(200);
    const seen = await registrationSeenBy(url!);
    const info = host.runtime.shell.platform!.developerInfo('merchant')!;
    expect(seen).toMatchObject({ appId: 'merchant', appSecret: info.appSecret, payKey: info.payKey, appKey: info.appKey, platformUrl: `http://127.0.0.1:${port}`, allowOrigin: `http://merchant.localhost:${port}` });
    expect((await backendOf('plain')).status).toBe(404);
  });

  it("answers wx.getExtConfig with the backend's origin, so a WeChat-format app finds it too", async () => {
    const { url } = await backendOf('merchant');
    const extConfigOf = (appId: string) => host.runtime.shell.dispatch({ v: 1, id: 1, api: 'getExtConfig', params: {} }, { appInfo: host.runtime.shell.services.appInfo(appId)!, webViewId: 1 });
    expect(await extConfigOf('merchant')).toMatchObject({ ok: true, result: { extConfig: { backendUrl: url }, errMsg: 'getExtConfig:ok' } });
    expect(await extConfigOf('plain')).toMatchObject({ ok: true, result: { extConfig: {}, errMsg: 'getExtConfig:ok' } });
  });

  it('stops the backend when its app is uninstalled and starts it again, re-keyed, on reinstall', async () => {
    const before = (await backendOf('merchant')).url!;
    const shell = await shellClient(port, host.shellToken);
    expect((await shell.call('uninstall', { appId: 'merchant' })).ok).toBe(true);
    await expect(fetch(before)).rejects.toThrow();
    const reinstalled = await shell.call('install', { source: join(dir, 'examples', 'merchant') });
    expect(reinstalled.ok).toBe(true);
    // sync runs after the install's appsChanged; the next backend.json answer reflects it
    await waitFor(async () => (await backendOf('merchant')).status === 200, 'the backend to start again');
    const after = await backendOf('merchant');
    const seen = await registrationSeenBy(after.url!);
    expect(seen.appSecret).toBe(host.runtime.shell.platform!.developerInfo('merchant')!.appSecret);
    shell.socket.close();
  });

  it('does not seed again on a later start of the same data folder (an uninstall sticks)', async () => {
    const shell = await shellClient(port, host.shellToken);
    await shell.call('uninstall', { appId: 'plain' });
    shell.socket.close();
    await host.close();
    host = await startWebHost({ port: 0, dataDir: join(dir, 'data'), examplesDir: join(dir, 'examples'), quiet: true, rendererDir: join(dir, 'renderer'), wxScriptFile: join(dir, 'none.js') });
    port = host.port;
    expect(host.runtime.catalog.list().map((e) => e.appId)).toEqual(['merchant']);
    expect((await backendOf('merchant')).status).toBe(200);
  });
});
