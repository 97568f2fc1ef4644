import type { AppPermissions, AuditEntry } from '../../core/contracts/shell-api';
import { h, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { auditActionLabel, scopeLabel } from '../lib/scopes';
import { formatDateTime } from '../lib/time';
import type { ShellContext } from '../state';
import { appIcon } from './app-icon';

const AUDIT_ROWS_SHOWN = 200;

/** What each app may do, a Revoke per granted scope, and the audit trail of every decision. */
export function createPermissionsSection(ctx: ShellContext): { el: HTMLElement; load(): Promise<void> } {
  const list = h('div', { class: 'perm-list' });
  const auditBody = h('tbody');
  const auditEmpty = h('div', { class: 'empty-inline', text: 'No decisions recorded yet.' });
  const auditTable = h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, h('th', { text: 'Date' }), h('th', { text: 'App' }), h('th', { text: 'Permission' }), h('th', { text: 'Decision' }), h('th', { text: 'Where' }))),
    auditBody,
  );

  const revoke = async (app: AppPermissions, scope: string): Promise<void> => {
    try {
      await ctx.api.call('revokeScope', { appId: app.appId, scope });
      ctx.toasts.success(`${app.name} can no longer use: ${scopeLabel(scope)}`);
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
    await load();
  };

  const appBlock = (app: AppPermissions): HTMLElement => {
    const entry = ctx.state.get().apps.find((a) => a.appId === app.appId);
    const scopes = Object.entries(app.authSetting).sort(([a], [b]) => a.localeCompare(b));
    const declared = [...app.declared.openApi, ...app.declared.customApi];
    return h('div', { class: 'perm-app', testid: 'perm-app', attrs: { 'data-app-id': app.appId } },
      h('div', { class: 'perm-app-head' },
        appIcon({ appId: app.appId, name: app.name, iconUrl: entry?.iconUrl }, 'sm'),
        h('strong', { text: app.name }),
        h('span', { class: 'mono muted small', text: app.appId }),
      ),
      scopes.length === 0
        ? h('div', { class: 'empty-inline', text: 'Has not asked for any permission.' })
        : h('ul', { class: 'perm-scopes' }, scopes.map(([scope, granted]) =>
            h('li', { class: 'perm-scope', testid: 'perm-scope', attrs: { 'data-scope': scope, 'data-granted': String(granted) } },
              h('span', { class: 'perm-scope-text' }, h('span', { text: scopeLabel(scope) }), h('span', { class: 'mono muted small', text: scope })),
              h('span', { class: `badge ${granted ? 'badge-success' : 'badge-muted'}`, text: granted ? 'Allowed' : 'Denied' }),
              granted
                ? h('button', {
                    class: 'button button-small',
                    testid: 'revoke',
                    attrs: { type: 'button', 'data-scope': scope, 'aria-label': `Revoke ${scopeLabel(scope)} for ${app.name}` },
                    text: 'Revoke',
                    on: { click: () => void revoke(app, scope) },
                  })
                : h('span', { class: 'perm-spacer' }),
            ),
          )),
      h('div', { class: 'perm-declared' },
        h('span', { class: 'muted small', text: 'Declared APIs: ' }),
        declared.length === 0 ? h('span', { class: 'muted small', text: 'none' }) : declared.map((api) => h('span', { class: 'chip mono', text: api })),
      ),
    );
  };

  const renderAudit = (entries: readonly AuditEntry[]): void => {
    const names = new Map(ctx.state.get().apps.map((a) => [a.appId, a.name]));
    const rows = [...entries].sort((a, b) => b.at - a.at).slice(0, AUDIT_ROWS_SHOWN);
    auditEmpty.hidden = rows.length > 0;
    auditTable.hidden = rows.length === 0;
    replaceChildren(auditBody, rows.map((e) => h('tr', { testid: 'audit-row', attrs: { 'data-app-id': e.appId, 'data-scope': e.scope, 'data-action': e.action } },
      h('td', { class: 'nowrap', text: formatDateTime(e.at) }),
      h('td', { text: names.get(e.appId) ?? e.appId }),
      h('td', { text: scopeLabel(e.scope) }),
      h('td', { text: auditActionLabel(e.action) }),
      h('td', { class: 'muted', text: e.via }),
    )));
  };

  const load = async (): Promise<void> => {
    try {
      const [permissions, audit] = await Promise.all([ctx.api.call('listPermissions', {}), ctx.api.call('getAudit', {})]);
      replaceChildren(list, permissions.length === 0 ? h('div', { class: 'empty-inline', text: 'No apps installed.' }) : permissions.map(appBlock));
      renderAudit(audit);
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };

  const el = h('section', { class: 'card settings-section', attrs: { id: 'settings-permissions', 'aria-labelledby': 'perm-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'perm-title' }, text: 'Permissions' }),
    h('p', { class: 'muted', text: 'Revoking makes the app ask again the next time it needs the permission.' }),
    list,
    h('h3', { class: 'subsection-title', text: 'Audit trail' }),
    h('div', { class: 'table-wrap' }, auditTable),
    auditEmpty,
  );
  return { el, load };
}
