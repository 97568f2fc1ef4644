import { h } from '../lib/dom';
import type { ShellContext } from '../state';
import { createDeveloperSection } from './settings-developer';
import { createPermissionsSection } from './settings-permissions';
import { createProfileSection } from './settings-profile';
import { createWalletSection } from './settings-wallet';

const SECTIONS = [
  { id: 'settings-profile', label: 'Profile' },
  { id: 'settings-wallet', label: 'Wallet' },
  { id: 'settings-permissions', label: 'Permissions' },
  { id: 'settings-developer', label: 'Developer' },
] as const;

/** Profile, wallet, permissions and developer credentials; reloaded whenever it is shown or the host says data changed. */
export function createSettings(ctx: ShellContext): { el: HTMLElement; show(): void; onChanged(what: 'wallet' | 'permissions' | 'apps'): void } {
  const profile = createProfileSection(ctx);
  const wallet = createWalletSection(ctx);
  const permissions = createPermissionsSection(ctx);
  const developer = createDeveloperSection(ctx);
  const visible = (): boolean => ctx.state.get().panel === 'settings';

  const toc = h('nav', { class: 'toc', attrs: { 'aria-label': 'Settings sections' } },
    SECTIONS.map((s) => h('a', { class: 'toc-link', attrs: { href: `#${s.id}` }, text: s.label, on: {
      click: (event) => {
        event.preventDefault();
        document.getElementById(s.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
    } })),
  );

  const el = h('section', { class: 'panel', testid: 'settings', attrs: { hidden: true, 'aria-labelledby': 'settings-title' } },
    h('div', { class: 'panel-inner settings-layout' },
      h('div', { class: 'panel-header' }, h('div', {},
        h('h1', { class: 'panel-title', attrs: { id: 'settings-title' }, text: 'Settings' }),
        h('p', { class: 'muted', text: 'Your profile, wallet and what each app is allowed to do.' }),
      )),
      h('div', { class: 'settings-columns' },
        toc,
        h('div', { class: 'settings-sections' }, profile.el, wallet.el, permissions.el, developer.el),
      ),
    ),
  );

  return {
    el,
    show() {
      void profile.load();
      void wallet.load();
      void permissions.load();
      void developer.load();
    },
    onChanged(what) {
      if (!visible()) return; // loaded fresh on the next show
      if (what === 'wallet') void wallet.load();
      if (what === 'permissions') void permissions.load();
      if (what === 'apps') {
        void permissions.load();
        void developer.load();
      }
    },
  };
}
