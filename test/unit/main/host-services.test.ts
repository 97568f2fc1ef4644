import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ServerRoute } from '../../../core/contracts';
import { seedSamplesOnFirstStart } from '../../../core/samples';
import { buildMenuTemplate, MENU_IDS, type MenuActions } from '../../../main/app-menu';
import { memoryLogger } from '../../../main/logger';
import { pickPackage } from '../../../main/package-picker';
import { createServerApi } from '../../../main/server-api';
import { keyValueStoreOver, STATE_STORE_OPTIONS } from '../../../core/persistence/state-store';
import { DESKTOP_SEEDED_KEY, ELECTRON_STORE_SYNC_CHANNEL, openStateStore } from '../../../main/state-store';
import { memoryStore } from '../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../support/packages';

const constructed: unknown[] = [];
vi.mock('electron-store', () => ({
  default: class {
    readonly data = new Map<string, unknown>();
    constructor(options: unknown) {
      constructed.push(options);
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

describe('state store', () => {
  it('opens electron-store with the same file name and options as the browser host, and closes its sync IPC channel', async () => {
    const removed: string[] = [];
    const store = await openStateStore({ removeAllListeners: (channel: string) => removed.push(channel) } as never);
    expect(constructed).toEqual([{ name: 'superapp-state', accessPropertiesByDotNotation: false, configFileMode: 0o600 }]);
    expect(STATE_STORE_OPTIONS.accessPropertiesByDotNotation).toBe(false);
    expect(removed).toEqual([ELECTRON_STORE_SYNC_CHANNEL]);
    store.set('a.b', { deep: 1 });
    expect(store.get('a.b')).toEqual({ deep: 1 });
  });

  it('hands out copies: editing what you read does not change the store; undefined deletes', () => {
    const backing = new Map<string, unknown>();
    const store = keyValueStoreOver({ get: (k) => backing.get(k), set: (k, v) => void backing.set(k, v), delete: (k) => void backing.delete(k) });
    store.set('wallet', { balance: 100 });
    const read = store.get('wallet') as { balance: number };
    read.balance = 0;
    expect(store.get('wallet')).toEqual({ balance: 100 });
    store.set('wallet', undefined);
    expect(backing.has('wallet')).toBe(false);
    expect(store.get('wallet')).toBeUndefined();
  });
});

describe('sample seeding', () => {
  it('installs every valid sample on first start only; a broken sample is logged and skipped', async () => {
    const examples = await tempDir();
    await writePackage(join(examples, 'b'), { 'manifest.json': JSON.stringify(manifest({ appId: 'beta' })), 'index.html': '' });
    await writePackage(join(examples, 'a'), { 'manifest.json': JSON.stringify(manifest({ appId: 'alpha' })), 'index.html': '' });
    await writePackage(join(examples, 'broken'), { 'manifest.json': '{ "appId": 1 }' });
    const store = memoryStore();
    const log = memoryLogger();
    const installs: string[] = [];
    const options = { store, seededKey: DESKTOP_SEEDED_KEY, install: async (source: string) => void installs.push(source), installed: () => false, examplesDir: examples, log };
    expect(await seedSamplesOnFirstStart(options)).toEqual(['alpha', 'beta']);
    expect(installs).toEqual([join(examples, 'a'), join(examples, 'b')]);
    expect(log.lines.some((l) => l.includes('sample broken skipped'))).toBe(true);
    expect(store.get(DESKTOP_SEEDED_KEY)).toBe(true);
    // the user uninstalled a sample: it stays uninstalled on the next start
    expect(await seedSamplesOnFirstStart(options)).toEqual([]);
    expect(installs).toHaveLength(2);
  });
});

describe('loopback server API', () => {
  const routes: ServerRoute[] = [
    {
      method: 'GET',
      path: '/v1/echo',
      input: z.object({ q: z.string().min(1, 'q is required') }),
      run: async (input) => ({ status: 200, body: { echoed: (input as { q: string }).q } }),
    },
    { method: 'POST', path: '/v1/orders', input: z.object({ amount: z.number().int().positive() }), run: async () => ({ status: 201, body: { prepay_id: 'p1' } }) },
  ];

  it('serves routes on 127.0.0.1 only, explains bad input, and stops', async () => {
    const api = createServerApi(() => routes, memoryLogger());
    const base = await api.start();
    try {
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(api.url()).toBe(base);
      expect(await (await fetch(`${base}/v1/echo?q=hi`)).json()).toEqual({ echoed: 'hi' });
      const bad = await fetch(`${base}/v1/orders`, { method: 'POST', body: JSON.stringify({ amount: -1 }), headers: { 'content-type': 'application/json' } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errmsg: string }).errmsg).toMatch(/^invalid args: amount:/);
      const notJson = await fetch(`${base}/v1/orders`, { method: 'POST', body: '{oops' });
      expect(notJson.status).toBe(400);
      expect((await fetch(`${base}/v1/orders`, { method: 'POST', body: '{"amount":5}' })).status).toBe(201);
      expect((await fetch(`${base}/v1/missing`)).status).toBe(404);
    } finally {
      await api.stop();
    }
    expect(api.url()).toBeUndefined();
    await expect(fetch(`${base}/v1/echo?q=hi`)).rejects.toThrow();
  });

  it('refuses a browser page (Origin on a POST) and a foreign Host header (DNS rebinding)', async () => {
    const api = createServerApi(() => routes, memoryLogger());
    const base = await api.start();
    try {
      const fromPage = await fetch(`${base}/v1/orders`, { method: 'POST', body: '{"amount":5}', headers: { origin: 'https://evil.example' } });
      expect(fromPage.status).toBe(403);
      const { request } = await import('node:http');
      const port = new URL(base).port;
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/v1/echo?q=x', headers: { host: `rebound.example:${port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(421);
    } finally {
      await api.stop();
    }
  });
});

describe('application menu', () => {
  const actions = (): MenuActions & Record<string, ReturnType<typeof vi.fn>> =>
    ({ installPackage: vi.fn(), openAppDevTools: vi.fn(), reloadApp: vi.fn(), openInspector: vi.fn(), openShellDevTools: vi.fn(), setServerApi: vi.fn() }) as never;

  function find(template: ReturnType<typeof buildMenuTemplate>, id: string) {
    for (const menu of template) for (const item of (menu.submenu as Array<{ id?: string }> | undefined) ?? []) if (item.id === id) return item as Record<string, unknown> & { click: (item: unknown) => void };
    throw new Error(`no menu item ${id}`);
  }

  it('developer items call their action; per-app items are disabled without a front app', () => {
    const a = actions();
    const off = buildMenuTemplate(a, { isMac: false, serverApiOn: false, hasActiveApp: false });
    expect(find(off, MENU_IDS.appDevTools).enabled).toBe(false);
    expect(find(off, MENU_IDS.reloadApp).enabled).toBe(false);
    const on = buildMenuTemplate(a, { isMac: false, serverApiOn: true, serverApiUrl: 'http://127.0.0.1:5000', hasActiveApp: true });
    find(on, MENU_IDS.appDevTools).click({});
    find(on, MENU_IDS.reloadApp).click({});
    find(on, MENU_IDS.inspector).click({});
    find(on, MENU_IDS.install).click({});
    expect(a.openAppDevTools).toHaveBeenCalledOnce();
    expect(a.reloadApp).toHaveBeenCalledOnce();
    expect(a.openInspector).toHaveBeenCalledOnce();
    expect(a.installPackage).toHaveBeenCalledOnce();
  });

  it('the server API item is a checkbox that reports the new state and shows the URL while on', () => {
    const a = actions();
    const item = find(buildMenuTemplate(a, { isMac: false, serverApiOn: true, serverApiUrl: 'http://127.0.0.1:5000', hasActiveApp: false }), MENU_IDS.serverApi);
    expect(item.checked).toBe(true);
    expect(item.label).toContain('http://127.0.0.1:5000');
    item.click({ checked: false });
    expect(a.setServerApi).toHaveBeenCalledWith(false);
  });

  it('the macOS-only Window roles (zoom, front) appear only on macOS', () => {
    const windowRoles = (isMac: boolean) => {
      const menu = buildMenuTemplate(actions(), { isMac, serverApiOn: false, hasActiveApp: false }).find((m) => m.label === 'Window')!;
      return (menu.submenu as Array<{ role?: string }>).map((item) => item.role);
    };
    expect(windowRoles(false)).toEqual(['minimize']);
    expect(windowRoles(true)).toEqual(['minimize', 'zoom', 'front']);
  });
});

describe('package picker', () => {
  const window = {} as never;

  it('on Linux/Windows asks folder or .zip first, then opens the matching dialog', async () => {
    const dialog = {
      showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/shop.zip'] })),
    };
    expect(await pickPackage(dialog as never, window, 'linux')).toBe('/home/u/shop.zip');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'Mini program package (.zip)', extensions: ['zip'] }] }));
  });

  it('returns null when the user cancels either step; macOS uses one dialog for both', async () => {
    const cancelFirst = { showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false })), showOpenDialog: vi.fn() };
    expect(await pickPackage(cancelFirst as never, window, 'win32')).toBeNull();
    expect(cancelFirst.showOpenDialog).not.toHaveBeenCalled();
    const mac = { showMessageBox: vi.fn(), showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) };
    expect(await pickPackage(mac as never, window, 'darwin')).toBeNull();
    expect(mac.showMessageBox).not.toHaveBeenCalled();
    expect(mac.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile', 'openDirectory'] }));
  });
});
