import { z } from 'zod';
import type { CallerIdentity } from '../contracts/app';
import type { Catalog, RuntimeOptions, Shell, ShellService, ViewHost } from '../contracts/services';
import { ShellCommandError } from '../contracts/services';
import { DataUnavailableError } from '../persistence/data-errors';
import { shellCommands, type RunningApp, type ShellCommand, type ShellEvent } from '../contracts/shell-api';
import { WIRE_VERSION } from '../contracts/wire';
import type { SheetBroker } from './sheet-broker';
import type { ShellTasks } from '../device/shell-tasks';
import { TabSet } from './tab-set';
import { describeZodIssues } from '../contracts/zod-issues';
import type { DevRecords } from '../devtools/dev-records';

interface Tab {
  viewId: number;
  caller: CallerIdentity;
  url: string;
}

export interface ShellServiceDeps {
  shell: Shell;
  catalog: Catalog;
  sheets: SheetBroker;
  /** device work the browser host's shell page does (clipboard) */
  tasks?: ShellTasks;
  viewHost: ViewHost;
  emit: (event: ShellEvent) => void;
  host: RuntimeOptions['host'];
  keepAlive: number;
  pickPackage?: () => Promise<string | null>;
  saveFile?: (fileName: string, content: string) => Promise<string | null>;
  serverApi?: () => string | undefined;
  /** what views report for the inspector (exceptions, page stacks, setData) */
  devtools?: DevRecords;
}

type Handlers = { [C in ShellCommand]: (input: z.output<(typeof shellCommands)[C]['input']>) => Promise<z.input<(typeof shellCommands)[C]['output']>> | z.input<(typeof shellCommands)[C]['output']> };

const OK = { ok: true as const };

/** The typed shell API, implemented once for every host. */
export function createShellService(deps: ShellServiceDeps): ShellService & { tabs: TabSet<Tab>; closeView(viewId: number): void } {
  const { shell, catalog, sheets, viewHost, emit } = deps;
  const tabs = new TabSet<Tab>(deps.keepAlive);
  let launchOrder: number[] = [];
  let nextViewId = 1;

  const running = (): RunningApp[] =>
    launchOrder
      .map((id) => tabs.get(id))
      .filter((t): t is Tab => !!t)
      .map((t) => ({ viewId: t.viewId, appId: t.caller.appInfo.appId, name: t.caller.appInfo.name, url: t.url, active: tabs.active?.viewId === t.viewId }));
  const runningChanged = () => emit({ type: 'runningChanged', running: running() });

  const event = (viewId: number, name: 'appShow' | 'appHide') => viewHost.send(viewId, { v: WIRE_VERSION, event: name, data: {} });

  const closeView = (viewId: number) => {
    const wasActive = tabs.active?.viewId === viewId;
    if (!tabs.remove(viewId)) return;
    launchOrder = launchOrder.filter((id) => id !== viewId);
    sheets.cancelForView(viewId);
    deps.devtools?.viewClosed(viewId);
    deps.tasks?.cancelForView(viewId);
    viewHost.close(viewId);
    const next = tabs.active;
    if (wasActive && next) {
      viewHost.show(next.viewId);
      event(next.viewId, 'appShow');
    }
  };

  /** makes a tab the front one: hide + onAppHide for the previous, show + onAppShow for this one, then evict */
  const bringToFront = (tab: Tab, isNew: boolean) => {
    const previous = tabs.active;
    if (previous && previous.viewId !== tab.viewId) {
      viewHost.hide(previous.viewId);
      event(previous.viewId, 'appHide');
    }
    for (const evicted of tabs.touch(tab)) closeView(evicted.viewId);
    if (previous?.viewId !== tab.viewId) {
      viewHost.show(tab.viewId);
      if (!isNew) event(tab.viewId, 'appShow');
    }
    runningChanged();
  };

  const requireTab = (viewId: number) => {
    const tab = tabs.get(viewId);
    if (!tab) throw new ShellCommandError(`No running mini program has view ${viewId}`, 'It may have been closed; launch it again from the catalog.');
    return tab;
  };
  const requirePlatform = () => {
    if (!shell.platform) throw new ShellCommandError('This shell runs on an integrator backend that manages accounts itself', 'Use the integrator’s own account pages.');
    return shell.platform;
  };
  const requireApp = (appId: string) => {
    const manifest = catalog.manifest(appId);
    if (!manifest) throw new ShellCommandError(`"${appId}" is not installed`, 'Refresh the catalog.');
    return manifest;
  };

  shell.onHostRequest((request) => {
    if (request.type === 'exit') {
      closeView(request.caller.webViewId);
      emit({ type: 'appExited', viewId: request.caller.webViewId });
      runningChanged();
    }
  });

  const handlers: Handlers = {
    listApps: () => catalog.list(),
    launch: ({ appId, path }) => {
      requireApp(appId);
      const existing = tabs.all().find((t) => t.caller.appInfo.appId === appId);
      if (existing) {
        bringToFront(existing, false);
        return { ...running().find((r) => r.viewId === existing.viewId)! };
      }
      const viewId = nextViewId++;
      const caller: CallerIdentity = { appInfo: catalog.appInfo(appId)!, webViewId: viewId };
      const entry = catalog.list().find((e) => e.appId === appId)!;
      const { url } = viewHost.open(viewId, entry, caller, path !== undefined ? { path } : undefined);
      const tab: Tab = { viewId, caller, url };
      launchOrder.push(viewId);
      bringToFront(tab, true);
      return running().find((r) => r.viewId === viewId)!;
    },
    activate: ({ viewId }) => {
      bringToFront(requireTab(viewId), false);
      return OK;
    },
    close: ({ viewId }) => {
      requireTab(viewId);
      closeView(viewId);
      runningChanged();
      return OK;
    },
    listRunning: () => running(),
    pickPackage: async () => ({ source: deps.pickPackage ? await deps.pickPackage() : null }),
    saveFile: async ({ fileName, content }) => {
      if (!deps.saveFile) throw new ShellCommandError('This host has no save dialog.', 'The browser host saves files as downloads from the page.');
      return { path: await deps.saveFile(fileName, content) };
    },
    previewInstall: ({ source }) => catalog.preview(source),
    install: async ({ source }) => {
      const entry = await catalog.install(source, (progress) => emit({ type: 'installProgress', progress }));
      requireApp(entry.appId);
      shell.platform?.registerApp(catalog.appInfo(entry.appId)!);
      emit({ type: 'appsChanged' });
      return entry;
    },
    uninstall: async ({ appId }) => {
      requireApp(appId);
      for (const tab of tabs.all()) if (tab.caller.appInfo.appId === appId) closeView(tab.viewId);
      await catalog.uninstall(appId);
      shell.platform?.unregisterApp(appId);
      shell.ledger.forgetApp(appId);
      shell.storage.clear(appId);
      shell.files.forgetApp(appId);
      for (const rule of shell.mocks.list()) if (rule.appId === appId) shell.mocks.remove(rule.id);
      emit({ type: 'appsChanged' });
      runningChanged();
      return OK;
    },
    getProfile: () => requirePlatform().getProfile(),
    updateProfile: (patch) => requirePlatform().updateProfile(patch),
    getWallet: () => requirePlatform().getWallet(),
    listPermissions: () =>
      catalog.list().map((e) => ({
        appId: e.appId,
        name: e.name,
        authSetting: shell.ledger.authSetting(e.appId),
        declared: requireApp(e.appId).permissions,
      })),
    revokeScope: ({ appId, scope }) => {
      requireApp(appId);
      shell.ledger.revoke(appId, scope, 'settings');
      emit({ type: 'permissionsChanged' });
      return OK;
    },
    getAudit: ({ appId }) => shell.ledger.audit(appId),
    getDeveloperInfo: ({ appId }) => {
      requireApp(appId);
      const info = requirePlatform().developerInfo(appId);
      if (!info) throw new ShellCommandError(`"${appId}" has no platform registration`, 'Reinstall the app to create one.');
      return { ...info, serverApi: deps.serverApi?.() };
    },
    listCalls: () => shell.calls.list(),
    clearCalls: () => {
      shell.calls.clear();
      return OK;
    },
    listDevtools: () => ({ records: deps.devtools?.list() ?? [], stacks: deps.devtools?.stacks() ?? [] }),
    clearDevtools: () => {
      deps.devtools?.clear();
      return OK;
    },
    listMocks: () => shell.mocks.list(),
    setMock: (rule) => shell.mocks.set(rule),
    removeMock: ({ id }) => {
      shell.mocks.remove(id);
      return OK;
    },
    answerSheet: ({ sheetId, answer }) => {
      sheets.answer(sheetId, answer);
      return OK;
    },
    answerDeviceTask: ({ taskId, ok, text, error }) => {
      if (!deps.tasks) throw new ShellCommandError('This host does no device tasks in the shell page', 'Only the browser host asks the shell page for the clipboard.');
      deps.tasks.answer(taskId, { ok, ...(text !== undefined ? { text } : {}), ...(error !== undefined ? { error } : {}) });
      return OK;
    },
    setViewport: (bounds) => {
      viewHost.setViewport?.(bounds);
      return OK;
    },
    getHostInfo: () => ({ host: deps.host.name, version: deps.host.version, keepAlive: deps.keepAlive, serverApi: deps.serverApi?.() }),
  };

  return {
    tabs,
    closeView,
    async handle(command, input) {
      if (!Object.prototype.hasOwnProperty.call(shellCommands, command)) {
        throw new ShellCommandError(`Unknown shell command "${command}"`, 'The shell UI and host are out of date with each other; rebuild both.');
      }
      const name = command as ShellCommand;
      const spec = shellCommands[name];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw new ShellCommandError(`Invalid input for ${name}: ${describeZodIssues(parsed.error.issues, '(input)')}`, 'Correct the highlighted values and try again.');
      const handler = handlers[name] as (i: unknown) => unknown;
      let output: unknown;
      try {
        output = await handler(parsed.data);
      } catch (e) {
        if (e instanceof DataUnavailableError) throw new ShellCommandError(e.userMessage, 'Nothing was changed; try again once the data folder can be written.');
        throw e;
      }
      return spec.output.parse(output);
    },
    callerFor: (viewId) => tabs.get(viewId)?.caller,
    viewGone(viewId) {
      if (!tabs.get(viewId)) return;
      closeView(viewId);
      runningChanged();
    },
  };
}
