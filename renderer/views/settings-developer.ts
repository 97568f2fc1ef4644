import type { CatalogEntry, DeveloperInfo } from '../../core/contracts/shell-api';
import { h, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import type { ShellContext } from '../state';
import { appIcon } from './app-icon';

const MASK = '••••••••••••••••';
const SECRET_FIELDS = ['appSecret', 'payKey', 'appKey'] as const;

/**
 * Per-app credentials for the developer's own server (code2session, orders, signatures).
 * Secrets never reach an app; here they are masked until the developer asks to see them.
 */
export function createDeveloperSection(ctx: ShellContext): { el: HTMLElement; load(): Promise<void> } {
  const list = h('div', { class: 'dev-list' });

  const value = (testid: string, text: string, secret: boolean): { el: HTMLElement; reveal(show: boolean): void } => {
    const el = h('span', { class: `kv-value mono${secret ? ' secret' : ''}`, testid, text: secret ? MASK : text });
    return { el, reveal: (show) => (el.textContent = show || !secret ? text : MASK) };
  };

  const panel = (app: CatalogEntry, info: DeveloperInfo): HTMLElement => {
    const serverApi = info.serverApi ?? ctx.host.serverApi;
    const secrets = SECRET_FIELDS.map((name) => ({ name, ...value(`dev-${name}`, info[name], true) }));
    let shown = false;
    const toggle = h('button', { class: 'button button-small', testid: 'dev-show', attrs: { type: 'button', 'aria-pressed': 'false' }, text: 'Show secrets' });
    toggle.addEventListener('click', () => {
      shown = !shown;
      secrets.forEach((s) => s.reveal(shown));
      toggle.textContent = shown ? 'Hide secrets' : 'Show secrets';
      toggle.setAttribute('aria-pressed', String(shown));
    });
    const secretLabel: Record<(typeof SECRET_FIELDS)[number], string> = { appSecret: 'App secret', payKey: 'Pay key', appKey: 'App key (virtual payment)' };
    return h('div', { class: 'dev-panel', testid: 'dev-panel', attrs: { 'data-app-id': app.appId } },
      h('div', { class: 'perm-app-head' },
        appIcon(app, 'sm'),
        h('strong', { text: app.name }),
        h('span', { class: 'grow' }),
        toggle,
      ),
      h('div', { class: 'kv' },
        h('div', { class: 'kv-row' }, h('span', { class: 'kv-label', text: 'App ID' }), h('span', { class: 'kv-value mono', testid: 'dev-appId', text: info.appId })),
        secrets.map((s) => h('div', { class: 'kv-row' }, h('span', { class: 'kv-label', text: secretLabel[s.name] }), s.el)),
        h('div', { class: 'kv-row' }, h('span', { class: 'kv-label', text: 'Developer ID' }), h('span', { class: 'kv-value mono', testid: 'dev-developerId', text: info.developerId })),
        h('div', { class: 'kv-row' }, h('span', { class: 'kv-label', text: 'Server API' }),
          serverApi ? h('span', { class: 'kv-value mono', testid: 'dev-serverApi', text: serverApi }) : h('span', { class: 'kv-value muted', text: 'Not running in this host' })),
      ),
    );
  };

  const unavailable = (app: CatalogEntry, message: string): HTMLElement =>
    h('div', { class: 'dev-panel', attrs: { 'data-app-id': app.appId } },
      h('div', { class: 'perm-app-head' }, appIcon(app, 'sm'), h('strong', { text: app.name })),
      h('p', { class: 'muted small', text: `Credentials not available: ${message}` }),
    );

  const load = async (): Promise<void> => {
    const apps = ctx.state.get().apps;
    if (apps.length === 0) {
      replaceChildren(list, h('div', { class: 'empty-inline', text: 'Install an app to see its credentials.' }));
      return;
    }
    const panels = await Promise.all(
      apps.map(async (app) => {
        try {
          return panel(app, await ctx.api.call('getDeveloperInfo', { appId: app.appId }));
        } catch (error) {
          return unavailable(app, toErrorInfo(error).message);
        }
      }),
    );
    replaceChildren(list, panels);
  };

  const el = h('section', { class: 'card settings-section', attrs: { id: 'settings-developer', 'aria-labelledby': 'dev-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'dev-title' }, text: 'Developer' }),
    h('p', { class: 'muted', text: 'Credentials for each app\u2019s own server. Keep the secrets out of mini program code.' }),
    list,
  );
  return { el, load };
}
