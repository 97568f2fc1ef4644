import { formatClock } from '../lib/time';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { isProblem, type ProblemRecord } from '../lib/dev-records';
import type { DevRecord } from '../../core/contracts/devtools';
import type { ShellContext } from '../state';
import { createAppFilter } from './inspector-app-filter';
import { expandableRow } from './inspector-rows';

const ROWS_SHOWN = 300;

/** Uncaught exceptions and unhandled rejections of page code, newest first, with the package's file:line:col. */
export function createErrorsPanel(ctx: ShellContext, clear: () => void): { el: HTMLElement; draw(records: readonly DevRecord[]): void } {
  const expanded = new Set<number>();
  let last: readonly DevRecord[] = [];
  const redraw = () => draw(last);
  const apps = createAppFilter(ctx, 'errors-filter-app', redraw);
  const summary = h('span', { class: 'muted small nowrap', testid: 'errors-summary', attrs: { 'aria-live': 'polite' } });
  const clearButton = h('button', { class: 'button', testid: 'devtools-clear', attrs: { type: 'button', title: 'Clear the errors and setData rows' }, on: { click: clear } }, icon(ICONS.trash, 14), h('span', { text: 'Clear' }));
  const body = h('tbody');
  const table = h('table', { class: 'table calls-table' },
    h('thead', {}, h('tr', {}, h('th', { class: 'col-time', text: 'Time' }), h('th', { text: 'App' }), h('th', { text: 'Kind' }), h('th', { text: 'Message' }))),
    body,
  );
  const empty = h('div', { class: 'empty-state empty-compact', testid: 'errors-empty' });

  const detail = (r: ProblemRecord): HTMLElement =>
    h('div', { class: 'call-detail', testid: 'dev-error-detail' },
      h('div', { class: 'detail-meta muted small', text: `#${r.seq} · view ${r.webViewId}${r.report.route ? ` · on ${r.report.route}` : ''} · ${new Date(r.report.at).toISOString()}` }),
      h('div', {}, h('div', { class: 'detail-label', text: 'Stack' }), h('pre', { class: 'code', testid: 'dev-error-stack', text: r.report.stack ?? '(no stack)' })),
    );

  function draw(records: readonly DevRecord[]): void {
    last = records;
    const problems = records.filter(isProblem);
    apps.fill(problems.map((r) => r.appId));
    const names = apps.names();
    const shown = problems.filter((r) => !apps.el.value || r.appId === apps.el.value);
    replaceChildren(body, shown.slice(0, ROWS_SHOWN).map((r) =>
      expandableRow({
        seq: r.seq,
        testid: 'dev-error-row',
        attrs: { 'data-kind': r.report.kind, 'data-app-id': r.appId },
        expanded,
        redraw,
        body,
        columns: 4,
        cells: [
          h('td', { class: 'mono small nowrap col-time', text: formatClock(r.report.at) }),
          h('td', { class: 'nowrap', text: names.get(r.appId) ?? r.appId }),
          h('td', {}, h('span', { class: `outcome ${r.report.kind === 'exception' ? 'outcome-error' : 'outcome-timeout'}`, text: r.report.kind })),
          h('td', {},
            h('span', { class: 'mono', testid: 'dev-error-message', text: r.report.message }),
            r.report.where ? h('span', { class: 'muted small errmsg', testid: 'dev-error-where', text: `at ${r.report.where}` }) : null,
          ),
        ],
        detail: () => detail(r),
      }),
    ));
    table.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    replaceChildren(empty,
      icon(ICONS.check, 28),
      h('h3', { text: problems.length === 0 ? 'No errors' : 'No errors match the filter' }),
      h('p', { class: 'muted', text: 'Exceptions and unhandled promise rejections in WeChat-format page code appear here, with the file, line and column in the package.' }),
    );
    summary.textContent = `${shown.length} error${shown.length === 1 ? '' : 's'}`;
  }

  const el = h('section', { class: 'card calls-card', testid: 'errors-panel', attrs: { 'aria-label': 'Errors' } },
    h('div', { class: 'toolbar' }, h('div', { class: 'toolbar-filters' }, apps.el), h('div', { class: 'toolbar-actions' }, summary, clearButton)),
    h('div', { class: 'table-wrap calls-wrap' }, table, empty),
  );
  draw([]);
  return { el, draw };
}
