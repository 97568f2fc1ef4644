import { describe, expect, it, vi } from 'vitest';
import { createCatalog } from '../../../../core/catalog';
import type { Shell, ViewHost } from '../../../../core/contracts/services';
import { ShellCommandError } from '../../../../core/contracts/services';
import type { ShellEvent } from '../../../../core/contracts/shell-api';
import { createShellService, SheetBroker } from '../../../../core/shell-service';
import { memoryStore } from '../../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../../support/packages';

function fakeShell(): Shell & { exit(viewId: number): void } {
  let hostListener: ((r: { type: 'exit'; caller: { appInfo: never; webViewId: number } }) => void) | undefined;
  const authSettings = new Map<string, Record<string, boolean>>();
  return {
    dispatch: vi.fn(),
    registerMiniAppApi: vi.fn(),
    unregisterMiniAppApi: vi.fn(),
    calls: { list: () => [], clear: vi.fn(), subscribe: () => () => undefined },
    mocks: { list: () => [], set: vi.fn(), remove: vi.fn(), match: () => undefined },
    ledger: {
      authSetting: (appId: string) => authSettings.get(appId) ?? {},
      decide: (appId: string, scope: string, granted: boolean) => void authSettings.set(appId, { ...authSettings.get(appId), [scope]: granted }),
      revoke: (appId: string, scope: string) => void authSettings.set(appId, { ...authSettings.get(appId), [scope]: false }),
      recordConsent: vi.fn(),
      audit: () => [],
      forgetApp: vi.fn(),
    },
    storage: { snapshot: () => ({}), clear: vi.fn() },
    files: { forgetApp: vi.fn() },
    services: {} as Shell['services'],
    platform: undefined,
    setManifestSource: vi.fn(),
    onHostRequest: (l) => {
      hostListener = l as typeof hostListener;
      return () => undefined;
    },
    exit: (viewId) => hostListener?.({ type: 'exit', caller: { appInfo: undefined as never, webViewId: viewId } }),
  };
}

function recordingViewHost() {
  const log: string[] = [];
  const host: ViewHost = {
    open: (viewId, app) => {
      log.push(`open ${viewId} ${app.appId}`);
      return { url: `http://${app.appId}.localhost/?v=${viewId}` };
    },
    show: (viewId) => void log.push(`show ${viewId}`),
    hide: (viewId) => void log.push(`hide ${viewId}`),
    close: (viewId) => void log.push(`close ${viewId}`),
    send: (viewId, e) => void log.push(`send ${viewId} ${e.event}`),
  };
  return { host, log };
}

async function setup(appIds = ['app-a', 'app-b', 'app-c', 'app-d'], keepAlive = 2) {
  const catalog = await createCatalog({ dataDir: await tempDir(), store: memoryStore(), clock: { now: () => 1 }, assetUrl: (a, p) => `${a}/${p}` });
  for (const appId of appIds) {
    await catalog.install(await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId, name: appId.toUpperCase() })), 'index.html': '' }));
  }
  const events: ShellEvent[] = [];
  const emit = (e: ShellEvent) => void events.push(e);
  const sheets = new SheetBroker(emit);
  const shell = fakeShell();
  const { host, log } = recordingViewHost();
  const service = createShellService({ shell, catalog, sheets, viewHost: host, emit, host: { name: 'web', version: '0.1.0', platform: 'linux' }, keepAlive });
  return { service, shell, log, events, sheets };
}

describe('shell service: tabs', () => {
  it('launch opens a view, a second launch of the same app re-activates it', async () => {
    const { service, log } = await setup();
    const a = (await service.handle('launch', { appId: 'app-a' })) as { viewId: number; active: boolean };
    expect(a).toMatchObject({ viewId: 1, appId: 'app-a', name: 'APP-A', active: true, url: 'http://app-a.localhost/?v=1' });
    await service.handle('launch', { appId: 'app-b' });
    const again = (await service.handle('launch', { appId: 'app-a' })) as { viewId: number };
    expect(again.viewId).toBe(1);
    expect(log).toEqual(['open 1 app-a', 'show 1', 'open 2 app-b', 'hide 1', 'send 1 appHide', 'show 2', 'hide 2', 'send 2 appHide', 'show 1', 'send 1 appShow']);
  });

  it('switching tabs sends onAppHide to the old app and onAppShow to the new one', async () => {
    const { service, log } = await setup();
    await service.handle('launch', { appId: 'app-a' });
    await service.handle('launch', { appId: 'app-b' });
    log.length = 0;
    await service.handle('activate', { viewId: 1 });
    expect(log).toEqual(['hide 2', 'send 2 appHide', 'show 1', 'send 1 appShow']);
  });

  it('evicts the least recently used background app past the keep-alive limit', async () => {
    const { service, log, events } = await setup(undefined, 2);
    for (const appId of ['app-a', 'app-b', 'app-c']) await service.handle('launch', { appId });
    await service.handle('activate', { viewId: 1 }); // a is now most recent; b is the LRU background app
    log.length = 0;
    await service.handle('launch', { appId: 'app-d' });
    expect(log).toContain('close 2');
    const running = (await service.handle('listRunning', {})) as Array<{ appId: string; active: boolean }>;
    expect(running.map((r) => r.appId)).toEqual(['app-a', 'app-c', 'app-d']);
    expect(running.find((r) => r.active)?.appId).toBe('app-d');
    expect(events.filter((e) => e.type === 'runningChanged').length).toBeGreaterThan(0);
    expect(service.callerFor(2)).toBeUndefined();
  });

  it('closing the front app brings the most recent other app forward', async () => {
    const { service, log } = await setup();
    await service.handle('launch', { appId: 'app-a' });
    await service.handle('launch', { appId: 'app-b' });
    log.length = 0;
    await service.handle('close', { viewId: 2 });
    expect(log).toEqual(['close 2', 'show 1', 'send 1 appShow']);
    await expect(service.handle('close', { viewId: 2 })).rejects.toThrow('No running mini program has view 2');
  });

  it('closing a view cancels its open sheets', async () => {
    const { service, sheets } = await setup();
    await service.handle('launch', { appId: 'app-a' });
    const caller = service.callerFor(1)!;
    const answer = sheets.ask({ kind: 'authorize', app: { appId: 'app-a', name: 'A' }, scope: 'scope.userInfo', label: 'profile' }, caller);
    await service.handle('close', { viewId: 1 });
    await expect(answer).resolves.toEqual({ confirmed: false });
  });

  it('exitMiniProgram closes the calling view and tells the shell UI', async () => {
    const { service, shell, events } = await setup();
    await service.handle('launch', { appId: 'app-a' });
    shell.exit(1);
    expect(service.callerFor(1)).toBeUndefined();
    expect(events).toContainEqual({ type: 'appExited', viewId: 1 });
  });

  it('identity of a view comes from the launch, with the manifest app info', async () => {
    const { service } = await setup();
    await service.handle('launch', { appId: 'app-b' });
    expect(service.callerFor(1)).toEqual({ webViewId: 1, appInfo: { appId: 'app-b', name: 'APP-B', version: '1.0.0', developerId: 'unsigned:app-b' } });
  });
});

describe('shell service: commands', () => {
  it('rejects unknown commands and bad input with what to do', async () => {
    const { service } = await setup([]);
    await expect(service.handle('format-disk', {})).rejects.toThrow('Unknown shell command "format-disk"');
    const err = await service.handle('launch', { appId: 42 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShellCommandError);
    expect((err as Error).message).toMatch(/^Invalid input for launch: appId: /);
    await expect(service.handle('launch', { appId: 'nope' })).rejects.toThrow('"nope" is not installed');
  });

  it('saveFile without a host dialog (the browser host) is refused with where the file goes instead', async () => {
    const { service } = await setup([]);
    const err = await service.handle('saveFile', { fileName: 'calls.json', content: '[]' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShellCommandError);
    expect(err).toMatchObject({ message: 'This host has no save dialog.', hint: 'The browser host saves files as downloads from the page.' });
  });

  it('answerSheet resolves the waiting request once; a second answer is refused', async () => {
    const { service, sheets, events } = await setup();
    await service.handle('launch', { appId: 'app-a' });
    const pending = sheets.ask({ kind: 'authorize', app: { appId: 'app-a', name: 'A' }, scope: 'scope.userInfo', label: 'profile' }, service.callerFor(1)!);
    const shown = events.find((e) => e.type === 'sheet');
    expect(shown).toMatchObject({ type: 'sheet', viewId: 1, sheet: { kind: 'authorize' } });
    const sheetId = (shown as { sheetId: string }).sheetId;
    await service.handle('answerSheet', { sheetId, answer: { confirmed: true } });
    await expect(pending).resolves.toEqual({ confirmed: true });
    await expect(service.handle('answerSheet', { sheetId, answer: { confirmed: true } })).rejects.toThrow('no longer waiting');
  });

  it('profile commands say plainly when an integrator backend replaces the platform', async () => {
    const { service } = await setup([]);
    await expect(service.handle('getWallet', {})).rejects.toThrow(/integrator backend/);
  });

  it('revokeScope updates what listPermissions shows', async () => {
    const { service, shell } = await setup(['app-a']);
    shell.ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    await service.handle('revokeScope', { appId: 'app-a', scope: 'scope.userInfo' });
    const perms = (await service.handle('listPermissions', {})) as Array<{ authSetting: Record<string, boolean> }>;
    expect(perms[0]!.authSetting).toEqual({ 'scope.userInfo': false });
  });

  it('uninstall closes its views and clears the app’s session data', async () => {
    const { service, shell, log } = await setup(['app-a']);
    await service.handle('launch', { appId: 'app-a' });
    await service.handle('uninstall', { appId: 'app-a' });
    expect(log).toContain('close 1');
    expect(shell.ledger.forgetApp).toHaveBeenCalledWith('app-a');
    expect(shell.storage.clear).toHaveBeenCalledWith('app-a');
    expect(await service.handle('listApps', {})).toEqual([]);
  });

  it('previewInstall reads a WeChat project without installing it or telling the shell UI anything changed', async () => {
    const { service, events } = await setup([]);
    const preview = await service.handle('previewInstall', { source: 'test/fixtures/wechat/compile-basic' });
    expect(preview).toMatchObject({ format: 'wechat', appId: 'wxcompilebasic01', openApi: ['login', 'requestPayment'], customApi: ['notes.add'] });
    expect(events).toEqual([]);
    expect(await service.handle('listApps', {})).toEqual([]);
    await service.handle('install', { source: 'test/fixtures/wechat/compile-basic' });
    expect(await service.handle('listApps', {})).toMatchObject([{ appId: 'wxcompilebasic01' }]);
  });
});
