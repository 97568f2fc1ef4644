import { describe, expect, it, vi } from 'vitest';
import { appInfoFromManifest } from '../../../../core/contracts/app';
import type { HostServices } from '../../../../core/contracts/services';
import { createShell } from '../../../../core/shell';
import { memoryStore } from '../../../support/memory-store';
import { fakeOpenApi, manifest, resultOf } from './harness';

const host = { name: 'electron' as const, version: '0.1.0', platform: 'darwin' };
const prompter = { ask: async () => ({ confirmed: true }) };

describe('createShell', () => {
  it('runs on the embedded platform by default and exposes it as shell.platform', async () => {
    const shell = createShell({ store: memoryStore(), prompter, host });
    expect(shell.platform).toBeDefined();
    const app = manifest('app-a');
    shell.setManifestSource((id) => (id === 'app-a' ? app : undefined));
    shell.platform!.registerApp(appInfoFromManifest(app));
    const login = resultOf(await shell.dispatch({ v: 1, id: 1, api: 'login', params: {} }, { appInfo: appInfoFromManifest(app), webViewId: 1 }));
    expect(login.errMsg).toBe('login:ok');
    expect(login.code).toEqual(expect.any(String));
  });

  it('uses an integrator handler and then has no platform', () => {
    const shell = createShell({ store: memoryStore(), prompter, host, openApi: fakeOpenApi() });
    expect(shell.platform).toBeUndefined();
  });

  it('gives a handler factory the host services (store, prompter, clock, ledger, appInfo from the manifest)', async () => {
    let services: HostServices | undefined;
    const hostPrompter = { ask: vi.fn(async () => ({ confirmed: true })) };
    const shell = createShell({
      store: memoryStore(),
      prompter: hostPrompter,
      host,
      openApi: (s) => {
        services = s;
        return fakeOpenApi();
      },
    });
    shell.setManifestSource((id) => (id === 'app-a' ? manifest('app-a') : undefined));
    // the handler's prompter forwards to the host's trusted UI
    const sheet = { kind: 'authorize' as const, app: { appId: 'app-a', name: 'A' }, scope: 'scope.userInfo', label: 'profile' };
    const caller = { appInfo: appInfoFromManifest(manifest('app-a')), webViewId: 4 };
    await expect(services!.prompter.ask(sheet, caller)).resolves.toEqual({ confirmed: true });
    expect(hostPrompter.ask).toHaveBeenCalledWith(sheet, caller, undefined);
    expect(services?.ledger).toBe(shell.ledger);
    expect(services?.appInfo('app-a')?.name).toBe('App app-a');
    expect(services?.appInfo('nope')).toBeUndefined();
  });

  it('an integrator handler with registerApp is treated as a platform', () => {
    const handler = { ...fakeOpenApi(), registerApp: vi.fn() };
    expect(createShell({ store: memoryStore(), prompter, host, openApi: handler as never }).platform).toBe(handler);
  });

  it('refuses a handler missing open API methods, naming them', () => {
    const { login: _login, ...partial } = fakeOpenApi();
    expect(() => createShell({ store: memoryStore(), prompter, host, openApi: partial as never })).toThrow(
      'createShell: the openApi handler lacks login(app, params); implement every OpenApiHandler method',
    );
  });

  it('registers the customApis option', async () => {
    const shell = createShell({ store: memoryStore(), prompter, host, openApi: fakeOpenApi(), customApis: { ping: async () => ({ pong: true }) } });
    shell.setManifestSource(() => manifest('app-a', { customApi: ['ping'] }));
    const caller = { appInfo: appInfoFromManifest(manifest('app-a')), webViewId: 1 };
    expect(resultOf(await shell.dispatch({ v: 1, id: 1, api: 'invokeNativePlugin', params: { api_name: 'ping' } }, caller))).toEqual({
      pong: true,
      errMsg: 'invokeNativePlugin:ok',
    });
  });
});
