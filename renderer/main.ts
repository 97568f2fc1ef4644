import type { RunningApp } from '../core/contracts/shell-api';
import { h } from './lib/dom';
import { toErrorInfo } from './lib/errors';
import { SheetQueue } from './lib/sheet-queue';
import { createStore } from './lib/store';
import { createShellApiClient, type ShellClient } from './shell-api-client';
import type { HostInfo, Panel, ShellContext, UiState } from './state';
import { createConnectionBanner } from './views/banner';
import { createCatalog } from './views/catalog';
import { createConfirm } from './views/confirm-dialog';
import { createHeader } from './views/header';
import { createInspector } from './views/inspector';
import { createSettings } from './views/settings';
import { mountSheets } from './views/sheets';
import { createStage } from './views/stage';
import { layerForNativeViews } from './views/native-layers';
import { createToaster } from './views/toasts';
import { runDeviceTask } from './views/device-tasks';

/** Newest answer wins: a launch result or a runningChanged event both describe the whole set. */
function withLaunched(running: readonly RunningApp[], launched: RunningApp): RunningApp[] {
  const others = running.filter((r) => r.viewId !== launched.viewId).map((r) => ({ ...r, active: false }));
  return [...others, { ...launched, active: true }];
}

async function start(root: HTMLElement): Promise<void> {
  let api: ShellClient;
  try {
    api = createShellApiClient(window);
  } catch (error) {
    showFatal(root, toErrorInfo(error));
    return;
  }

  const { el: toastsEl, toaster } = createToaster();
  const banner = createConnectionBanner();
  api.onConnection((state) => banner.update(state));

  let host: HostInfo;
  try {
    host = await api.call('getHostInfo', {});
  } catch (error) {
    showFatal(root, toErrorInfo(error));
    return;
  }

  const state = createStore<UiState>({ apps: [], running: [], panel: 'catalog' });
  const shellRoot = h('div', { class: 'shell' });
  const modalLayer = h('div', { class: 'modal-layer' });
  const queue = new SheetQueue();

  const ctx: ShellContext = {
    api,
    host,
    state,
    toasts: toaster,
    confirm: createConfirm(modalLayer, shellRoot),
    navigate(panel: Panel) {
      // Nothing to show on the stage: stay on (or go to) the catalog instead of a blank area.
      if (panel === 'app' && state.get().running.length === 0) panel = 'catalog';
      state.set({ panel });
    },
    async refreshApps() {
      try {
        state.set({ apps: await api.call('listApps', {}) });
      } catch (error) {
        toaster.error(toErrorInfo(error));
      }
    },
    async refreshRunning() {
      try {
        setRunning(await api.call('listRunning', {}));
      } catch (error) {
        toaster.error(toErrorInfo(error));
      }
    },
    async launch(appId: string) {
      try {
        const launched = await api.call('launch', { appId });
        setRunning(withLaunched(state.get().running, launched));
        state.set({ panel: 'app' });
      } catch (error) {
        toaster.error(toErrorInfo(error));
      }
    },
  };

  const setRunning = (running: RunningApp[]): void => {
    state.set({ running });
    if (running.length === 0 && state.get().panel === 'app') state.set({ panel: 'catalog' });
  };

  const catalog = createCatalog(ctx);
  const settings = createSettings(ctx);
  const inspector = createInspector(ctx);
  const stage = createStage(ctx);
  const panels: Record<Exclude<Panel, 'app'>, HTMLElement> = { catalog: catalog.el, settings: settings.el, inspector: inspector.el };

  const showPanel = (panel: Panel): void => {
    for (const [name, el] of Object.entries(panels)) el.hidden = name !== panel;
    workspace.classList.toggle('is-covered', panel !== 'app');
    // A panel covers the stage: the app frame under it must not take keyboard focus it cannot show.
    stage.inert = panel !== 'app';
    if (panel === 'settings') settings.show();
    if (panel === 'inspector') inspector.show();
  };
  state.subscribe((s, prev) => {
    if (s.panel !== prev.panel) showPanel(s.panel);
  });

  const workspace = h('main', { class: 'workspace' }, stage, catalog.el, settings.el, inspector.el);
  shellRoot.append(createHeader(ctx), banner.el, workspace, toastsEl);
  if (host.host === 'electron') layerForNativeViews(document, toastsEl);
  root.replaceChildren(shellRoot, modalLayer);
  showPanel(state.get().panel);
  mountSheets(ctx, queue, modalLayer, shellRoot);

  api.onEvent((event) => {
    switch (event.type) {
      case 'sheet':
        queue.add({ sheetId: event.sheetId, viewId: event.viewId, sheet: event.sheet });
        break;
      case 'sheetClosed':
        queue.remove(event.sheetId);
        break;
      case 'call':
        inspector.onCall(event.record);
        break;
      case 'devtools':
        inspector.onDevtools(event.records);
        break;
      case 'pageStack':
        inspector.onPageStack(event.stack);
        break;
      case 'appsChanged':
        void ctx.refreshApps().then(() => settings.onChanged('apps'));
        break;
      case 'runningChanged':
        setRunning(event.running);
        break;
      case 'walletChanged':
        settings.onChanged('wallet');
        break;
      case 'permissionsChanged':
        settings.onChanged('permissions');
        break;
      case 'installProgress':
        catalog.onProgress(event.progress);
        break;
      case 'deviceTask':
        void runDeviceTask(ctx, event, navigator.clipboard as Clipboard | undefined);
        break;
      case 'appToast':
        // WeChat's own notice for the API (setClipboardData's "内容已复制"), for as long as WeChat shows it
        toaster.success(event.text, event.ms);
        break;
      case 'dataTrouble':
        toaster.error({ message: event.message });
        break;
      case 'appExited': {
        queue.removeView(event.viewId);
        const app = state.get().running.find((r) => r.viewId === event.viewId);
        if (app) toaster.info(`${app.name} exited`);
        void ctx.refreshRunning();
        break;
      }
    }
  });

  // After the connection comes back, events may have been missed: reload everything shown.
  let lost = false;
  api.onConnection((connection) => {
    if (connection === 'reconnecting') lost = true;
    if (connection === 'open' && lost) {
      lost = false;
      void Promise.all([ctx.refreshApps(), ctx.refreshRunning(), inspector.reload()]);
      if (state.get().panel === 'settings') settings.show();
    }
  });

  await Promise.all([ctx.refreshApps(), ctx.refreshRunning(), inspector.reload()]);
  // Apps still running from before a reload are shown, the catalog stays the first screen.
}

function showFatal(root: HTMLElement, info: { message: string; hint?: string }): void {
  root.replaceChildren(
    h('div', { class: 'fatal', attrs: { role: 'alert' } },
      h('h1', { text: 'Superapp Shell could not start' }),
      h('p', { testid: 'toast', text: info.message }),
      info.hint ? h('p', { class: 'muted', text: info.hint }) : null,
    ),
  );
}

const root = document.getElementById('root');
if (root) void start(root);
