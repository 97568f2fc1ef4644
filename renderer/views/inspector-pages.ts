import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { pageUrl } from '../lib/dev-records';
import { formatClock } from '../lib/time';
import type { PageStackState } from '../../core/contracts/devtools';
import type { ShellContext } from '../state';

/** Each running WeChat-format app's page stack, top first, as it is after its latest navigation. */
export function createPagesPanel(ctx: ShellContext): { el: HTMLElement; draw(stacks: ReadonlyMap<number, PageStackState>): void } {
  const list = h('div', { class: 'page-stacks' });
  const el = h('section', { class: 'card page-stacks-card', testid: 'pages-panel', attrs: { 'aria-label': 'Page stacks' } }, list);

  const draw = (stacks: ReadonlyMap<number, PageStackState>): void => {
    const running = ctx.state.get().running;
    const shown = running.map((app) => ({ app, stack: stacks.get(app.viewId) })).filter((x): x is { app: typeof x.app; stack: PageStackState } => !!x.stack);
    if (shown.length === 0) {
      replaceChildren(list, h('div', { class: 'empty-state empty-compact', testid: 'pages-empty' },
        icon(ICONS.grid, 28),
        h('h3', { text: 'No page stack to show' }),
        h('p', { class: 'muted', text: 'Launch a WeChat-format mini program: its pages appear here, updated on every navigation.' }),
      ));
      return;
    }
    replaceChildren(list, shown.map(({ app, stack }) => {
      const top = stack.pages.length - 1;
      return h('section', { class: 'page-stack', testid: 'page-stack', attrs: { 'data-app-id': app.appId, 'data-view-id': app.viewId, 'aria-label': `${app.name} page stack` } },
        h('div', { class: 'page-stack-head' },
          h('h3', { text: app.name }),
          h('span', { class: 'muted small', text: `view ${app.viewId} · ${stack.pages.length} page${stack.pages.length === 1 ? '' : 's'} · updated ${formatClock(stack.at)}` }),
        ),
        stack.pages.length === 0
          ? h('p', { class: 'muted small', testid: 'page-stack-none', text: 'No page is open (the launch page was not found).' })
          : h('ol', { class: 'page-stack-list', attrs: { reversed: true } },
              [...stack.pages].reverse().map((page, i) =>
                h('li', { class: `page-stack-entry${i === 0 ? ' is-top' : ''}`, testid: 'page-stack-entry', attrs: { 'data-route': page.route } },
                  h('span', { class: 'mono', text: pageUrl(page) }),
                  i === 0 ? h('span', { class: 'badge badge-accent badge-inline', text: 'current' }) : null,
                  i === top && top > 0 ? h('span', { class: 'muted small', text: 'bottom' }) : null,
                ),
              ),
            ),
      );
    }));
  };
  draw(new Map());
  return { el, draw };
}
