import type { CatalogEntry, InstallProgress } from '../../core/contracts/shell-api';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import type { ShellContext } from '../state';
import { appIcon } from './app-icon';
import { createInstallPanel } from './install';

/** The installed mini programs as cards, with Launch and Uninstall, and the install area. */
export function createCatalog(ctx: ShellContext): { el: HTMLElement; onProgress(progress: InstallProgress): void } {
  const grid = h('div', { class: 'card-grid' });
  const count = h('span', { class: 'count-badge' });
  const install = createInstallPanel(ctx);

  const uninstall = async (app: CatalogEntry): Promise<void> => {
    const running = ctx.state.get().running.some((r) => r.appId === app.appId);
    const yes = await ctx.confirm({
      title: `Uninstall ${app.name}?`,
      body: `${app.name} ${app.version} and its data on this computer (storage, sessions) will be removed.${running ? ' It is running and will be closed.' : ''} Payment history stays in your wallet.`,
      confirmLabel: 'Uninstall',
      danger: true,
    });
    if (!yes) return;
    try {
      await ctx.api.call('uninstall', { appId: app.appId });
      ctx.toasts.success(`Uninstalled ${app.name}`);
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
    await Promise.all([ctx.refreshApps(), ctx.refreshRunning()]);
  };

  const card = (app: CatalogEntry, running: boolean): HTMLElement => {
    const launch = h(
      'button',
      { class: 'button button-primary', testid: 'launch', attrs: { type: 'button', 'aria-label': `${running ? 'Open' : 'Launch'} ${app.name}` } },
      icon(ICONS.play, 14),
      h('span', { text: running ? 'Open' : 'Launch' }),
    );
    launch.addEventListener('click', async () => {
      launch.disabled = true;
      try {
        await ctx.launch(app.appId);
      } finally {
        launch.disabled = false;
      }
    });
    return h(
      'article',
      { class: 'card app-card', testid: 'app-card', attrs: { 'data-app-id': app.appId } },
      h('div', { class: 'app-card-head' },
        appIcon(app, 'lg'),
        h('div', { class: 'app-card-title' },
          h('h3', { class: 'app-name', text: app.name }),
          h('div', { class: 'app-meta', text: [`v${app.version}`, app.developer].filter(Boolean).join('  ·  ') }),
        ),
      ),
      h('p', { class: `app-desc${app.description ? '' : ' muted'}`, text: app.description || 'No description provided.' }),
      h('div', { class: 'app-tags' },
        h('span', { class: 'app-id mono', text: app.appId }),
        running ? h('span', { class: 'badge badge-accent', text: 'Running' }) : null,
        publisherBadge(app),
      ),
      h('div', { class: 'card-actions' },
        launch,
        h('button', {
          class: 'button button-quiet-danger',
          testid: 'uninstall',
          attrs: { type: 'button', 'aria-label': `Uninstall ${app.name}` },
          text: 'Uninstall',
          on: { click: () => void uninstall(app) },
        }),
      ),
    );
  };

  // Installs under way, whoever started them: the desktop host installs its samples on first start while
  // the window is already up, and an empty catalog must say so rather than "nothing installed".
  const installing = new Set<string>();

  const render = (): void => {
    const { apps, running } = ctx.state.get();
    count.textContent = String(apps.length);
    if (apps.length === 0 && installing.size > 0) {
      replaceChildren(
        grid,
        h('div', { class: 'empty-state', testid: 'catalog-loading', attrs: { role: 'status' } },
          icon(ICONS.grid, 32),
          h('h3', { text: 'Installing mini programs…' }),
          h('p', { class: 'muted', text: 'They appear here as each one is ready.' }),
        ),
      );
      return;
    }
    if (apps.length === 0) {
      replaceChildren(
        grid,
        h('div', { class: 'empty-state', testid: 'catalog-empty' },
          icon(ICONS.grid, 32),
          h('h3', { text: 'No mini programs installed yet' }),
          h('p', { class: 'muted', text: 'Install a package above to see it here.' }),
        ),
      );
      return;
    }
    const runningIds = new Set(running.map((r) => r.appId));
    const sorted = [...apps].sort((a, b) => a.name.localeCompare(b.name));
    replaceChildren(grid, sorted.map((app) => card(app, runningIds.has(app.appId))));
  };

  render();
  ctx.state.subscribe((s, prev) => {
    if (s.apps !== prev.apps || s.running !== prev.running) render();
  });

  const el = h(
    'section',
    { class: 'panel', testid: 'catalog', attrs: { 'aria-labelledby': 'catalog-title' } },
    h('div', { class: 'panel-inner' },
      h('div', { class: 'panel-header' },
        h('div', {},
          h('h1', { class: 'panel-title', attrs: { id: 'catalog-title' } }, 'Catalog ', count),
          h('p', { class: 'muted', text: 'Mini programs installed on this computer.' }),
        ),
      ),
      install.el,
      grid,
    ),
  );
  const onProgress = (progress: InstallProgress): void => {
    const before = installing.size;
    if (progress.phase === 'done' || progress.phase === 'failed') installing.delete(progress.installId);
    else installing.add(progress.installId);
    if (installing.size !== before) render();
    install.onProgress(progress);
  };
  return { el, onProgress };
}

/** Dev apps say so (an unsigned package is only ever a dev app); a signed app shows the key it is pinned to. */
function publisherBadge(app: CatalogEntry): HTMLElement | null {
  if (app.unsigned) {
    return h('span', {
      class: 'badge badge-warning',
      testid: 'dev-badge',
      attrs: { title: 'Unsigned package: installed as a development app. Its updates are not tied to any developer key.' },
      text: 'Dev · unsigned',
    });
  }
  if (app.dev) return h('span', { class: 'badge', testid: 'dev-badge', attrs: { title: 'Loaded from a development folder and reloaded on change' }, text: 'Dev' });
  if (app.keyFingerprint) {
    return h('span', { class: 'badge badge-success', testid: 'signed-badge', attrs: { title: `Signed by its developer's key ${app.keyFingerprint}; only that key can update it` }, text: 'Signed' });
  }
  return null;
}
