import type { RunningApp } from '../../core/contracts/shell-api';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import type { ShellContext } from '../state';
import { toErrorInfo } from '../lib/errors';
import { appIcon } from './app-icon';

/** One tab per running app: click (or Enter) switches to it, × closes it. */
export function createTabs(ctx: ShellContext): HTMLElement {
  const list = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Running apps' } });

  const activate = async (app: RunningApp): Promise<void> => {
    ctx.navigate('app');
    if (app.active) return;
    try {
      await ctx.api.call('activate', { viewId: app.viewId });
      await ctx.refreshRunning();
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };

  const close = async (app: RunningApp): Promise<void> => {
    try {
      await ctx.api.call('close', { viewId: app.viewId });
      await ctx.refreshRunning();
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };

  const render = (): void => {
    // Tabs are redrawn on every change; keep keyboard focus on the same tab across the redraw.
    const focusedViewId = (document.activeElement?.closest('[data-testid=tab]') as HTMLElement | null)?.dataset['viewId'];
    draw();
    if (focusedViewId) list.querySelector<HTMLElement>(`[data-testid=tab][data-view-id="${focusedViewId}"]`)?.focus();
  };

  const draw = (): void => {
    const { running, apps, panel } = ctx.state.get();
    if (running.length === 0) {
      replaceChildren(list, h('span', { class: 'tabs-empty', text: 'No apps running' }));
      return;
    }
    replaceChildren(
      list,
      running.map((app) => {
        const entry = apps.find((a) => a.appId === app.appId);
        const closeButton = h(
          'button',
          {
            class: 'tab-close',
            testid: 'tab-close',
            attrs: { type: 'button', 'aria-label': `Close ${app.name}`, title: `Close ${app.name}` },
            on: {
              click: (event) => {
                event.stopPropagation();
                void close(app);
              },
            },
          },
          icon(ICONS.close, 12),
        );
        return h(
          'div',
          {
            class: `tab${app.active && panel === 'app' ? ' tab-current' : ''}`,
            testid: 'tab',
            attrs: {
              role: 'tab',
              tabindex: 0,
              'aria-selected': app.active ? 'true' : 'false',
              'data-view-id': app.viewId,
              'data-app-id': app.appId,
              title: app.name,
            },
            on: {
              click: () => void activate(app),
              keydown: (event) => {
                if (event.target !== event.currentTarget) return;
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  void activate(app);
                } else if (event.key === 'Delete') {
                  event.preventDefault();
                  void close(app);
                }
              },
            },
          },
          appIcon({ appId: app.appId, name: app.name, iconUrl: entry?.iconUrl }, 'sm'),
          h('span', { class: 'tab-name', text: app.name }),
          closeButton,
        );
      }),
    );
  };

  render();
  ctx.state.subscribe((s, prev) => {
    if (s.running !== prev.running || s.apps !== prev.apps || s.panel !== prev.panel) render();
  });
  return list;
}
