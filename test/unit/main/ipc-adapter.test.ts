import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShellCommandError, shellCommands } from '../../../core/contracts';
import { allIpcChannels, ipcChannels } from '../../../core/contracts/ipc-channels';
import { SHELL_ORIGIN } from '../../../main/app-scheme';
import { registerIpcHandlers } from '../../../main/ipc-adapter';
import { memoryLogger } from '../../../main/logger';
import { FakeWebContents, invoke, ipcMain, resetFakeElectron, sendFromRenderer } from './support/fake-electron';

const request = { v: 1, id: 7, api: 'login', params: {} };

function setup() {
  resetFakeElectron();
  const shell = new FakeWebContents();
  shell.mainFrame.url = `${SHELL_ORIGIN}/index.html`;
  const appA = new FakeWebContents();
  appA.mainFrame.url = 'superapp://app-a/index.html';
  const appB = new FakeWebContents();
  appB.mainFrame.url = 'superapp://app-b/index.html';
  const views = new Map([
    [appA.id, { viewId: 1, origin: 'superapp://app-a' }],
    [appB.id, { viewId: 2, origin: 'superapp://app-b' }],
  ]);
  const dispatched: Array<{ viewId: number; raw: unknown }> = [];
  const commands: Array<{ command: string; input: unknown }> = [];
  const ready: number[] = [];
  const reports: Array<{ viewId: number; raw: unknown }> = [];
  const log = memoryLogger();
  const handleCommand = vi.fn(async (command: string, input: unknown) => {
    commands.push({ command, input });
    if (command === 'uninstall') throw new ShellCommandError('"ghost" is not installed', 'Refresh the catalog.');
    if (command === 'getWallet') throw new Error('disk on fire');
    return [{ appId: 'app-a' }];
  });
  const dispose = registerIpcHandlers({
    ipcMain: ipcMain as never,
    viewForWebContents: (id) => views.get(id),
    shell: () => ({ webContentsId: shell.id, origin: SHELL_ORIGIN }),
    dispatchFromView: async (viewId, raw) => {
      dispatched.push({ viewId, raw });
      return { v: 1, id: 7, ok: true, result: { errMsg: 'login:ok', code: 'c0de' } };
    },
    handleCommand,
    bridgeReady: (viewId) => ready.push(viewId),
    reportFromView: (viewId, raw) => {
      reports.push({ viewId, raw });
      return (raw as { bad?: boolean }).bad ? { ok: false, problem: 'devtools: Required' } : { ok: true };
    },
    log,
  });
  return { shell, appA, appB, dispatched, commands, ready, reports, log, dispose };
}

beforeEach(() => resetFakeElectron());

describe('IPC channels', () => {
  it('one invoke channel per shell command plus the event and bridge channels, all registered by the adapter', () => {
    const { dispose } = setup();
    expect(Object.keys(ipcChannels.shellCommand).sort()).toEqual(Object.keys(shellCommands).sort());
    expect(ipcChannels.shellCommand.launch).toBe('shell:launch');
    expect(new Set(allIpcChannels).size).toBe(allIpcChannels.length);
    const oneWay: string[] = [ipcChannels.shellEvent, ipcChannels.bridgeEvent, ipcChannels.bridgeReady, ipcChannels.bridgeDevtools];
    const invokeChannels = allIpcChannels.filter((c) => !oneWay.includes(c));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    expect(ipcMain.listeners.get(ipcChannels.bridgeReady)?.size).toBe(1);
    expect(ipcMain.listeners.get(ipcChannels.bridgeDevtools)?.size).toBe(1);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.get(ipcChannels.bridgeReady)?.size).toBe(0);
    expect(ipcMain.listeners.get(ipcChannels.bridgeDevtools)?.size).toBe(0);
  });

  it("bridge:devtools reaches the runtime only from a view's main frame, attributed to that view; a refused frame is logged", () => {
    const { appA, shell, reports, log } = setup();
    const frame = { v: 1, devtools: [{ kind: 'pageStack', at: 1, pages: [] }] };
    sendFromRenderer(ipcChannels.bridgeDevtools, appA, [frame], appA.subframe('superapp://app-a/frame.html'));
    sendFromRenderer(ipcChannels.bridgeDevtools, shell, [frame]);
    expect(reports).toEqual([]);
    expect(log.lines.filter((l) => l.includes('inspector report refused'))).toHaveLength(2);
    sendFromRenderer(ipcChannels.bridgeDevtools, appA, [frame]);
    expect(reports).toEqual([{ viewId: 1, raw: frame }]);
    sendFromRenderer(ipcChannels.bridgeDevtools, appA, [{ bad: true }]);
    expect(log.lines.some((l) => l.includes('view 1: dropped an inspector report: devtools: Required'))).toBe(true);
  });

  it("bridge:ready counts only from a view's main frame on its own origin", () => {
    const { appA, shell, ready, log } = setup();
    sendFromRenderer(ipcChannels.bridgeReady, appA, [], appA.subframe('superapp://app-a/frame.html'));
    sendFromRenderer(ipcChannels.bridgeReady, shell);
    expect(ready).toEqual([]);
    expect(log.lines.filter((l) => l.includes('bridge ready refused'))).toHaveLength(2);
    sendFromRenderer(ipcChannels.bridgeReady, appA);
    expect(ready).toEqual([1]);
  });
});

describe('bridge:call is accepted only from the main frame of a known mini program view', () => {
  it('passes the view id the host knows for that webContents (never anything from the message)', async () => {
    const { appB, dispatched } = setup();
    const answer = await invoke(ipcChannels.bridgeCall, appB, [{ ...request, params: { appId: 'app-a', webViewId: 1 } }]);
    expect(answer).toMatchObject({ ok: true, result: { errMsg: 'login:ok' } });
    expect(dispatched).toEqual([{ viewId: 2, raw: { ...request, params: { appId: 'app-a', webViewId: 1 } } }]);
  });

  it('refuses an unknown webContents (the shell, a DevTools page, anything not a view) with a failure envelope and a log line', async () => {
    const { shell, dispatched, log } = setup();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'superapp://app-a/index.html';
    for (const sender of [stranger, shell]) {
      expect(await invoke(ipcChannels.bridgeCall, sender, [request])).toEqual({ v: 1, id: 7, ok: false, errMsg: 'login:fail caller not allowed' });
    }
    expect(dispatched).toEqual([]);
    expect(log.lines.filter((l) => l.includes('bridge call refused'))).toHaveLength(2);
  });

  it('refuses a subframe of a mini program view, even one on the app origin', async () => {
    const { appA, dispatched, log } = setup();
    const answer = await invoke(ipcChannels.bridgeCall, appA, [request], appA.subframe('superapp://app-a/frame.html'));
    expect(answer).toMatchObject({ ok: false, errMsg: 'login:fail caller not allowed' });
    expect(dispatched).toEqual([]);
    expect(log.lines.at(-1)).toContain('subframe');
  });

  it('refuses a view whose main frame has navigated away from its own origin, and a frame that is gone', async () => {
    const { appA, dispatched, log } = setup();
    appA.mainFrame.url = 'superapp://app-b/index.html';
    expect(await invoke(ipcChannels.bridgeCall, appA, [request])).toMatchObject({ ok: false });
    appA.mainFrame.url = 'https://evil.example/';
    expect(await invoke(ipcChannels.bridgeCall, appA, [request])).toMatchObject({ ok: false });
    expect(await invoke(ipcChannels.bridgeCall, appA, [request], null)).toMatchObject({ ok: false });
    expect(dispatched).toEqual([]);
    expect(log.lines.join('\n')).toContain('not superapp://app-a');
  });

  it('keeps the call id so the page promise settles even for garbage, and names "bridge" when there is no api', async () => {
    const { appA } = setup();
    appA.mainFrame.url = 'about:blank';
    expect(await invoke(ipcChannels.bridgeCall, appA, ['not an envelope'])).toEqual({ v: 1, id: null, ok: false, errMsg: 'bridge:fail caller not allowed' });
  });
});

describe('shell:<command> channels accept the shell view only', () => {
  it('runs the command for the shell page and wraps the output', async () => {
    const { shell, commands } = setup();
    expect(await invoke(ipcChannels.shellCommand.listApps, shell, [{}])).toEqual({ ok: true, output: [{ appId: 'app-a' }] });
    expect(commands).toEqual([{ command: 'listApps', input: {} }]);
  });

  it('refuses every shell command from a mini program view, so an app cannot install, pay or answer its own sheet', async () => {
    const { appA, commands, log } = setup();
    for (const command of ['answerSheet', 'install', 'getDeveloperInfo'] as const) {
      const answer = await invoke(ipcChannels.shellCommand[command], appA, [{}]);
      expect(answer).toMatchObject({ ok: false, error: { message: `"${command}" is only accepted from the shell window.` } });
    }
    expect(commands).toEqual([]);
    expect(log.lines.filter((l) => l.includes('refused'))).toHaveLength(3);
  });

  it('refuses a subframe of the shell page and a shell view that navigated elsewhere', async () => {
    const { shell, commands } = setup();
    expect(await invoke(ipcChannels.shellCommand.listApps, shell, [{}], shell.subframe(`${SHELL_ORIGIN}/index.html`))).toMatchObject({ ok: false });
    shell.mainFrame.url = 'superapp://app-a/index.html';
    expect(await invoke(ipcChannels.shellCommand.listApps, shell, [{}])).toMatchObject({ ok: false });
    expect(commands).toEqual([]);
  });

  it('carries the runtime error message and hint to the UI; an unexpected error is logged with a generic hint', async () => {
    const { shell, log } = setup();
    expect(await invoke(ipcChannels.shellCommand.uninstall, shell, [{ appId: 'ghost' }])).toEqual({
      ok: false,
      error: { message: '"ghost" is not installed', hint: 'Refresh the catalog.' },
    });
    const crash = (await invoke(ipcChannels.shellCommand.getWallet, shell, [{}])) as { ok: boolean; error: { message: string; hint: string } };
    expect(crash.ok).toBe(false);
    expect(crash.error.message).toBe('getWallet failed: disk on fire');
    expect(crash.error.hint).toMatch(/host log/);
    expect(log.lines.some((l) => l.startsWith('error shell command getWallet failed'))).toBe(true);
  });
});
