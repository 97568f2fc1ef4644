import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShellEvent } from '../../../core/contracts';
import { ipcChannels } from '../../../core/contracts/ipc-channels';
import { demoPlugins } from '../../../core/demo-plugins';
import { createRuntime } from '../../../core/runtime';
import { SHELL_ENTRY_URL } from '../../../main/app-scheme';
import { startDesktopShell, type DesktopShell } from '../../../main/desktop-shell';
import { memoryLogger } from '../../../main/logger';
import { DESKTOP_SEEDED_KEY } from '../../../main/state-store';
import { memoryData } from '../../support/memory-data';
import { memoryStore } from '../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../support/packages';
import { dialog, FakeBaseWindow, FakeWebContentsView, invoke, ipcMain, Menu, resetFakeElectron, sendFromRenderer, session, type FakeWebContents } from './support/fake-electron';

vi.mock('electron', async () => await import('./support/fake-electron'));

const PAGE = '<!doctype html><html><head><title>app</title></head><body></body></html>';

/** A sample merchant backend module: records the registration it was started with. */
const BACKEND = `export async function startBackend(options) {
  globalThis.__startedBackends = [...(globalThis.__startedBackends ?? []), options];
  return { url: 'http://127.0.0.1:9', close: async () => undefined };
}`;

async function startShell(keepAlive?: number, withBackend = false, createRuntimeFor: typeof createRuntime = createRuntime) {
  const examplesDir = await tempDir();
  for (const appId of ['app-a', 'app-b', 'app-c']) {
    await writePackage(join(examplesDir, appId), {
      'manifest.json': JSON.stringify({
        ...manifest({ appId, name: appId.toUpperCase(), permissions: { openApi: ['login', 'getPhoneNumber'], customApi: ['echo'] } }),
        ...(appId === 'app-c' ? { domains: { request: ['http://127.0.0.1'] } } : {}),
      }),
      'index.html': PAGE,
      ...(withBackend && appId === 'app-c' ? { 'backend/index.mjs': BACKEND } : {}),
    });
  }
  const rendererDir = await writePackage(await tempDir(), { 'index.html': '<!doctype html><title>Shell</title>' });
  const store = memoryStore();
  const log = memoryLogger();
  const shell = await startDesktopShell({
    createRuntime: createRuntimeFor,
    store,
    data: memoryData(),
    version: '9.9.9',
    customApis: demoPlugins(),
    keepAlive,
    paths: { rendererDir, shellPreload: '/opt/app/dist/preload/shell.cjs', miniappPreload: '/opt/app/dist/preload/miniapp.cjs', examplesDir, dataDir: await tempDir() },
    log,
  });
  const window = FakeBaseWindow.created[0]!;
  const opened = { loaded: [...(shell.shellView as unknown as FakeWebContentsView).webContents.loaded] };
  // the first-start work behind the window (samples, backends); a test of the window itself skips this
  if (createRuntimeFor === createRuntime) await shell.ready;
  const shellView = shell.shellView as unknown as FakeWebContentsView;
  const shellWc = shellView.webContents;
  const command = async (name: keyof typeof ipcChannels.shellCommand, input: unknown = {}) => {
    const answer = (await invoke(ipcChannels.shellCommand[name], shellWc, [input])) as { ok: boolean; output?: unknown; error?: unknown };
    if (!answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer.error)}`);
    return answer.output as never;
  };
  const appViews = () => FakeWebContentsView.created.filter((v) => v !== shellView);
  const viewOfApp = (appId: string) => appViews().find((v) => v.options.webPreferences?.partition === `persist:app-${appId}` && !v.webContents.destroyed)!;
  let seq = 0;
  const call = (wc: FakeWebContents, api: string, params: Record<string, unknown> = {}) => invoke(ipcChannels.bridgeCall, wc, [{ v: 1, id: ++seq, api, params }]) as Promise<Record<string, unknown>>;
  const shellEvents = () => shellWc.sent.filter((s) => s.channel === ipcChannels.shellEvent).map((s) => s.args[0] as ShellEvent);
  return { shell, window, shellView, shellWc, command, appViews, viewOfApp, call, shellEvents, store, log, opened };
}

let running: DesktopShell | undefined;
beforeEach(async () => {
  await running?.shutdown();
  resetFakeElectron();
});

describe('the desktop shell wiring (Electron mocked, real runtime)', () => {
  it('creates EVERY view with the locked-down webPreferences: the shell view and each mini program view', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    await t.command('launch', { appId: 'app-b' });
    await t.command('launch', { appId: 'app-a' }); // already running: no new view

    const locked = { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false, navigateOnDragDrop: false, safeDialogs: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' };
    expect(FakeWebContentsView.created).toHaveLength(3);
    for (const view of FakeWebContentsView.created) {
      const prefs = view.options.webPreferences!;
      const isShell = view === t.shellView;
      const appId = isShell ? undefined : prefs.partition === 'persist:app-app-a' ? 'app-a' : 'app-b';
      expect(prefs).toEqual({
        ...locked,
        preload: isShell ? '/opt/app/dist/preload/shell.cjs' : '/opt/app/dist/preload/miniapp.cjs',
        partition: isShell ? 'persist:shell' : `persist:app-${appId}`,
      });
    }
    expect(new Set(FakeWebContentsView.created.map((v) => v.options.webPreferences!.partition)).size).toBe(3);
  });

  it('the shell view is transparent (a raised shell dims the app instead of hiding it); app views are opaque white', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    // #AARRGGBB, as View.setBackgroundColor takes it
    expect(t.shellView.background).toBe('#00000000');
    expect(t.viewOfApp('app-a').background).toBe('#ffffff');
    // what shows where the shell page paints nothing is the page's own --bg
    const css = await readFile(join(process.cwd(), 'renderer', 'styles.css'), 'utf8');
    expect(t.window.options.backgroundColor).toBe(/--bg: (#[0-9a-f]{6});/.exec(css)![1]);
  });

  it('loads the shell page from its own origin, installs the samples once and lists them to the shell', async () => {
    const t = await startShell();
    running = t.shell;
    expect(t.shellWc.loaded).toEqual([SHELL_ENTRY_URL]);
    const apps = (await t.command('listApps')) as Array<{ appId: string; iconUrl?: string }>;
    expect(apps.map((a) => a.appId).sort()).toEqual(['app-a', 'app-b', 'app-c']);
    expect(t.store.get(DESKTOP_SEEDED_KEY)).toBe(true);
    expect(Menu.current?.template.map((m) => (m as { label?: string }).label)).toContain('Developer');
    // electron-store's synchronous channel is not opened by this wiring (openStateStore removes it in main.ts)
    expect(ipcMain.handlers.has('electron-store-get-data')).toBe(false);
  });

  it('the window opens on the catalog before the samples have installed; they arrive behind it', async () => {
    // every install waits until the test lets it go, as a slow first start would
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slowInstalls: typeof createRuntime = async (options) => {
      const rt = await createRuntime(options);
      const handle = rt.service.handle.bind(rt.service);
      rt.service.handle = async (command, input) => {
        if (command === 'install') await released;
        return handle(command, input);
      };
      return rt;
    };
    const t = await startShell(undefined, false, slowInstalls);
    running = t.shell;
    // startDesktopShell returned with the shell page loaded and nothing installed yet
    expect(t.opened.loaded).toEqual([SHELL_ENTRY_URL]);
    t.shellWc.emit('did-finish-load');
    expect(t.window.shown).toBe(true);
    expect(await t.command('listApps')).toEqual([]);
    release();
    await t.shell.ready;
    const apps = (await t.command('listApps')) as Array<{ appId: string }>;
    expect(apps.map((a) => a.appId).sort()).toEqual(['app-a', 'app-b', 'app-c']);
    expect(t.shellEvents().filter((e) => e.type === 'appsChanged')).toHaveLength(3);
  });

  it('a launched app is shown at the viewport the shell reports; a resize re-lays it', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('setViewport', { x: 240, y: 60, width: 700, height: 600 });
    await t.command('launch', { appId: 'app-a' });
    const view = t.viewOfApp('app-a');
    expect(view.visible).toBe(true);
    expect(view.bounds).toEqual({ x: 240, y: 60, width: 700, height: 600 });
    expect(view.webContents.loaded).toEqual(['superapp://app-a/index.html']);
    t.window.resizeTo(800, 500);
    expect(view.bounds).toEqual({ x: 240, y: 60, width: 560, height: 440 });
  });

  it('bridge calls carry the identity of the view: two apps keep separate storage, and the mirror each page gets is its own', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    await t.command('launch', { appId: 'app-b' });
    const a = t.viewOfApp('app-a').webContents;
    const b = t.viewOfApp('app-b').webContents;
    expect(await t.call(a, 'setStorage', { key: 'token', data: 'secret-of-a' })).toMatchObject({ ok: true, result: { errMsg: 'setStorage:ok' } });
    const fromB = await t.call(b, 'getStorage', { key: 'token' });
    expect(fromB).toMatchObject({ ok: false });
    expect(String(fromB.errMsg)).toMatch(/^getStorage:fail/);
    expect(await t.call(a, 'getStorage', { key: 'token' })).toMatchObject({ ok: true, result: { data: 'secret-of-a' } });

    const pageA = await (await session.fromPartition('persist:app-app-a').fetch('superapp://app-a/index.html')).text();
    const pageB = await (await session.fromPartition('persist:app-app-b').fetch('superapp://app-b/index.html')).text();
    expect(pageA).toContain('"token":"secret-of-a"');
    expect(pageB).not.toContain('secret-of-a');
    // app B's session does not even answer for app A's origin
    expect((await session.fromPartition('persist:app-app-b').fetch('superapp://app-a/index.html')).status).toBe(403);
  });

  it("an app event sent while the page loads waits for its preload's bridge:ready instead of being lost", async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    // a second launch at once sends app-a its appHide, before app-a's page could listen
    await t.command('launch', { appId: 'app-b' });
    const wc = t.viewOfApp('app-a').webContents;
    const appEvents = () => wc.sent.filter((s) => s.channel === ipcChannels.bridgeEvent).map((s) => (s.args[0] as { event: string }).event);
    expect(appEvents()).toEqual([]);
    sendFromRenderer(ipcChannels.bridgeReady, wc);
    expect(appEvents()).toEqual(['appHide']);
  });

  it('custom APIs registered by the host reach the app with the identity from the transport', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-b' });
    const answer = await t.call(t.viewOfApp('app-b').webContents, 'invokeNativePlugin', { api_name: 'echo', data: { appId: 'app-a' } });
    expect(answer).toMatchObject({ ok: true, result: { errMsg: 'invokeNativePlugin:ok', appInfo: { appId: 'app-b' }, params: { data: { appId: 'app-a' } } } });
  });

  it('a sheet raises the shell view above the app until the user answers it', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    const app = t.viewOfApp('app-a');
    const pending = t.call(app.webContents, 'getPhoneNumber');
    await vi.waitFor(() => expect(t.shellEvents().some((e) => e.type === 'sheet')).toBe(true));
    expect(t.window.contentView.children.at(-1)).toBe(t.shellView);
    const sheet = t.shellEvents().find((e) => e.type === 'sheet') as Extract<ShellEvent, { type: 'sheet' }>;
    expect(sheet.sheet.kind).toBe('phoneNumber');
    await t.command('answerSheet', { sheetId: sheet.sheetId, answer: { confirmed: false } });
    expect(await pending).toMatchObject({ ok: false, errMsg: 'getPhoneNumber:fail user deny' });
    expect(t.window.contentView.children.at(-1)).toBe(app);
  });

  it('closing an app removes its view and closes its webContents; keep-alive eviction does the same to the oldest', async () => {
    const t = await startShell(1);
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    const a = t.viewOfApp('app-a');
    await t.command('launch', { appId: 'app-b' });
    const b = t.viewOfApp('app-b');
    await t.command('launch', { appId: 'app-c' }); // keep-alive 1: app-a is the least recently used background app
    expect(a.webContents.closeCalls).toBe(1);
    expect(t.window.contentView.children).not.toContain(a);
    expect(b.webContents.destroyed).toBe(false);

    const runningApps = (await t.command('listRunning')) as Array<{ appId: string; viewId: number }>;
    expect(runningApps.map((r) => r.appId)).toEqual(['app-b', 'app-c']);
    await t.command('close', { viewId: runningApps[0]!.viewId });
    expect(b.webContents.closeCalls).toBe(1);
    expect(t.window.contentView.children).not.toContain(b);
    // a closed view's webContents no longer speaks for the app
    expect(await t.call(b.webContents, 'login')).toMatchObject({ ok: false, errMsg: 'login:fail caller not allowed' });
  });

  it('a crashed app renderer is closed and the shell is told the app is no longer running', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    const view = t.viewOfApp('app-a');
    view.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(view.webContents.destroyed).toBe(true);
    expect(await t.command('listRunning')).toEqual([]);
    expect(t.shellEvents().filter((e) => e.type === 'runningChanged').at(-1)).toEqual({ type: 'runningChanged', running: [] });
  });

  it('a crashed shell renderer is reloaded, and the sheets it was showing are answered as cancelled', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    const app = t.viewOfApp('app-a');
    const pending = t.call(app.webContents, 'getPhoneNumber');
    await vi.waitFor(() => expect(t.shellEvents().some((e) => e.type === 'sheet')).toBe(true));
    expect(t.window.contentView.children.at(-1)).toBe(t.shellView);

    t.shellWc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    // the sheet died with the page that drew it: the app gets its cancel now, not at the prompt timeout
    expect(await pending).toMatchObject({ ok: false, errMsg: 'getPhoneNumber:fail user deny' });
    expect(t.window.contentView.children.at(-1)).toBe(app);
    await vi.waitFor(() => expect(t.shellWc.loaded).toEqual([SHELL_ENTRY_URL, SHELL_ENTRY_URL]));
    // the running app is untouched; the reloaded shell lists it again
    expect(((await t.command('listRunning')) as Array<{ appId: string }>).map((r) => r.appId)).toEqual(['app-a']);
    expect(t.log.lines.some((l) => l.startsWith('error') && l.includes('crashed'))).toBe(true);
  });

  it('a shell renderer that keeps crashing is reloaded at most 3 times a minute, then the user is told', async () => {
    const errorBox = vi.spyOn(dialog, 'showErrorBox');
    try {
      const t = await startShell();
      running = t.shell;
      for (let crash = 0; crash < 5; crash++) {
        t.shellWc.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      expect(t.shellWc.loaded).toHaveLength(1 + 3);
      expect(errorBox).toHaveBeenCalledOnce();
      expect(errorBox.mock.calls[0]![0]).toMatch(/shell/i);
      expect(t.log.lines.some((l) => l.startsWith('error') && /not reloading/i.test(l))).toBe(true);
    } finally {
      errorBox.mockRestore();
    }
  });

  it('"Export JSON" in the desktop app: the shell asks main, which shows a save dialog and writes the file', async () => {
    const t = await startShell();
    running = t.shell;
    const target = join(await tempDir(), 'my-calls.json');
    dialog.saveTo = target;
    const content = JSON.stringify([{ seq: 1, api: 'login' }], null, 2);
    expect(await t.command('saveFile', { fileName: 'calls.json', content })).toEqual({ path: target });
    expect(await readFile(target, 'utf8')).toBe(content);
    expect(dialog.saveDialogs[0]!.window).toBe(t.window);
    expect(dialog.saveDialogs[0]!.options).toMatchObject({ defaultPath: '/tmp/superapp-fake-user-data/calls.json', filters: [{ name: 'JSON', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] });
    // the user cancels: nothing written, the shell is told so
    dialog.saveTo = undefined;
    expect(await t.command('saveFile', { fileName: 'calls.json', content: '[]' })).toEqual({ path: null });
    // a path instead of a file name is refused before any dialog
    await expect(t.command('saveFile', { fileName: '../../etc/passwd', content: 'x' })).rejects.toThrow(/a file name, not a path/);
    expect(dialog.saveDialogs).toHaveLength(2);
  });

  it('uninstalling an app also wipes its browser data (its session partition)', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-c' });
    const partition = session.fromPartition('persist:app-app-c');
    await t.command('uninstall', { appId: 'app-c' });
    expect(partition.cleared).toBe(1);
    expect(((await t.command('listApps')) as Array<{ appId: string }>).map((a) => a.appId)).not.toContain('app-c');
  });

  it('every session refuses permissions: default, shell, and each app partition', async () => {
    const t = await startShell();
    running = t.shell;
    await t.command('launch', { appId: 'app-a' });
    for (const s of [session.defaultSession, session.fromPartition('persist:shell'), session.fromPartition('persist:app-app-a')]) {
      expect(await s.requestPermission('media', 'superapp://app-a/index.html')).toBe(false);
      expect(s.permissionCheckHandler!(null, 'geolocation', 'superapp://app-a', {})).toBe(false);
    }
  });

  it('a sample with a merchant backend gets it started on the loopback server API, with its own registration', async () => {
    const t = await startShell(undefined, true);
    running = t.shell;
    const started = (globalThis as { __startedBackends?: Array<Record<string, string>> }).__startedBackends ?? [];
    expect(started.map((s) => s.appId)).toEqual(['app-c']);
    const info = (await t.command('getDeveloperInfo', { appId: 'app-c' })) as { appSecret: string; payKey: string };
    expect(started[0]).toMatchObject({ appSecret: info.appSecret, payKey: info.payKey, allowOrigin: 'superapp://app-c' });
    expect(started[0]!.platformUrl).toBe(t.shell.serverApi.url());
    // the server API really listens there (an unknown path gets its JSON 404)
    expect((await fetch(`${started[0]!.platformUrl}/nope`)).status).toBe(404);
    await t.command('launch', { appId: 'app-c' });
    await t.command('launch', { appId: 'app-a' });
    const info2 = await (await session.fromPartition('persist:app-app-c').fetch('superapp://app-c/__superapp__/backend.json')).json();
    expect(info2).toEqual({ url: 'http://127.0.0.1:9' });
    // the host started that backend, so app-c (and only app-c) may reach its loopback origin with wx.request
    expect([...t.shell.runtime.network.loopback.allowed('app-c')]).toEqual(['http://127.0.0.1:9']);
    expect([...t.shell.runtime.network.loopback.allowed('app-a')]).toEqual([]);
    // a <web-view> of app-c may show that backend as well (its page policy's frame-src), none of app-a may
    const frameSrc = async (appId: string) =>
      (await session.fromPartition(`persist:app-${appId}`).fetch(`superapp://${appId}/index.html`)).headers.get('content-security-policy')?.split('; ').find((d) => d.startsWith('frame-src'));
    expect(await frameSrc('app-c')).toBe("frame-src 'self' https: http://127.0.0.1:9");
    expect(await frameSrc('app-a')).toBe("frame-src 'self' https:");
    // wx.request never reaches the server API's port, even when its origin is allowed
    const apiPort = Number(new URL(t.shell.serverApi.url()!).port);
    t.shell.runtime.network.loopback.allowForRun('app-c', `http://127.0.0.1:${apiPort}`);
    const refused = await t.call(t.viewOfApp('app-c').webContents, 'request', { taskId: 't1', url: `http://127.0.0.1:${apiPort}/v1/sns/jscode2session` });
    expect(refused).toMatchObject({ ok: false, errMsg: `request:fail address not allowed: 127.0.0.1:${apiPort} is the shell itself` });
    expect((await session.fromPartition('persist:app-app-a').fetch('superapp://app-a/__superapp__/backend.json')).status).toBe(404);
  });

  it('shutdown closes every view and removes the IPC handlers', async () => {
    const t = await startShell();
    await t.command('launch', { appId: 'app-a' });
    const view = t.viewOfApp('app-a');
    await t.shell.shutdown();
    expect(view.webContents.destroyed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
    running = undefined;
  });
});
