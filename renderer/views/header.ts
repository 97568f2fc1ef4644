import { h, icon, ICONS } from '../lib/dom';
import type { Panel, ShellContext } from '../state';
import { createTabs } from './tabs';

const NAV: ReadonlyArray<{ panel: Exclude<Panel, 'app'>; label: string; testid: string; icon: readonly string[] }> = [
  { panel: 'catalog', label: 'Catalog', testid: 'nav-catalog', icon: ICONS.grid },
  { panel: 'settings', label: 'Settings', testid: 'nav-settings', icon: ICONS.gear },
  { panel: 'inspector', label: 'Inspector', testid: 'nav-inspector', icon: ICONS.activity },
];

/** Product name, the three panels and the running-app tabs, always on top. */
export function createHeader(ctx: ShellContext): HTMLElement {
  const buttons = NAV.map((item) =>
    h(
      'button',
      { class: 'nav-button', testid: item.testid, attrs: { type: 'button' }, on: { click: () => ctx.navigate(item.panel) } },
      icon(item.icon, 16),
      h('span', { text: item.label }),
    ),
  );
  const markPanel = (panel: Panel): void => {
    NAV.forEach((item, i) => {
      const button = buttons[i];
      if (!button) return;
      if (item.panel === panel) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    });
  };
  markPanel(ctx.state.get().panel);
  ctx.state.subscribe((s, prev) => {
    if (s.panel !== prev.panel) markPanel(s.panel);
  });

  const hostLabel = ctx.host.host === 'electron' ? 'Desktop' : 'Browser host';
  return h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'brand-name', text: 'Superapp Shell' })),
    h('nav', { class: 'nav', attrs: { 'aria-label': 'Shell' } }, buttons),
    h('div', { class: 'topbar-divider', attrs: { 'aria-hidden': 'true' } }),
    createTabs(ctx),
    h('div', { class: 'host-badge', attrs: { title: `Superapp Shell ${ctx.host.version}` } }, `${hostLabel} · v${ctx.host.version}`),
  );
}
