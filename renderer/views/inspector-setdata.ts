import { formatClock, formatMs } from '../lib/time';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { formatBytes, isSetData, type SetDataRecord } from '../lib/dev-records';
import type { DevRecord } from '../../core/contracts/devtools';
import type { ShellContext } from '../state';
import { createAppFilter } from './inspector-app-filter';
import { expandableRow } from './inspector-rows';

const ROWS_SHOWN = 300;

/** setData traffic: which page or component set which keys, how many bytes, and how long until the view drew it. */
export function createSetDataPanel(ctx: ShellContext, clear: () => void): { el: HTMLElement; draw(records: readonly DevRecord[]): void } {
  const expanded = new Set<number>();
  let last: readonly DevRecord[] = [];
  const redraw = () => draw(last);
  const apps = createAppFilter(ctx, 'setdata-filter-app', redraw);
  const target = h('input', { class: 'input input-compact', testid: 'setdata-filter-target', attrs: { type: 'search', placeholder: 'Filter by page or component', 'aria-label': 'Filter by page or component', spellcheck: 'false' } });
  target.addEventListener('input', redraw);
  const summary = h('span', { class: 'muted small nowrap', testid: 'setdata-summary', attrs: { 'aria-live': 'polite' } });
  const clearButton = h('button', { class: 'button', attrs: { type: 'button', title: 'Clear the errors and setData rows' }, on: { click: clear } }, icon(ICONS.trash, 14), h('span', { text: 'Clear' }));
  const body = h('tbody');
  const table = h('table', { class: 'table calls-table' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'col-time', text: 'Time' }), h('th', { text: 'App' }), h('th', { text: 'Page or component' }), h('th', { text: 'Keys' }),
      h('th', { class: 'num', text: 'Size' }), h('th', { class: 'num', text: 'To the view' }),
    )),
    body,
  );
  const empty = h('div', { class: 'empty-state empty-compact', testid: 'setdata-empty' });

  const detail = (r: SetDataRecord): HTMLElement =>
    h('div', { class: 'call-detail', testid: 'setdata-detail' },
      h('div', { class: 'detail-meta muted small', text: `#${r.seq} · view ${r.webViewId} · ${r.report.targetKind} ${r.report.target} · ${r.report.keyCount} key${r.report.keyCount === 1 ? '' : 's'} · ${r.report.bytes < 0 ? 'not JSON' : `${r.report.bytes} bytes`}` }),
      h('div', {}, h('div', { class: 'detail-label', text: 'Data (start of its JSON)' }), h('pre', { class: 'code', testid: 'setdata-preview', text: r.report.preview })),
    );

  function draw(records: readonly DevRecord[]): void {
    last = records;
    const rows = records.filter(isSetData);
    apps.fill(rows.map((r) => r.appId));
    const names = apps.names();
    const needle = target.value.trim().toLowerCase();
    const shown = rows.filter((r) => (!apps.el.value || r.appId === apps.el.value) && (!needle || r.report.target.toLowerCase().includes(needle)));
    replaceChildren(body, shown.slice(0, ROWS_SHOWN).map((r) => {
      const more = r.report.keyCount - r.report.keys.length;
      return expandableRow({
        seq: r.seq,
        testid: 'setdata-row',
        attrs: { 'data-target': r.report.target, 'data-target-kind': r.report.targetKind, 'data-app-id': r.appId },
        expanded,
        redraw,
        body,
        columns: 6,
        cells: [
          h('td', { class: 'mono small nowrap col-time', text: formatClock(r.report.at) }),
          h('td', { class: 'nowrap', text: names.get(r.appId) ?? r.appId }),
          h('td', {}, h('span', { class: 'mono', text: r.report.target }), h('span', { class: 'muted small', text: ` ${r.report.targetKind}` })),
          h('td', { class: 'mono small', testid: 'setdata-keys', text: `${r.report.keys.join(', ')}${more > 0 ? ` +${more} more` : ''}` }),
          h('td', { class: 'num mono small nowrap', testid: 'setdata-bytes', text: formatBytes(r.report.bytes) }),
          h('td', { class: 'num mono small nowrap', testid: 'setdata-ms', text: formatMs(r.report.ms) }),
        ],
        detail: () => detail(r),
      });
    }));
    table.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    replaceChildren(empty,
      icon(ICONS.activity, 28),
      h('h3', { text: rows.length === 0 ? 'No setData yet' : 'No setData matches the filters' }),
      h('p', { class: 'muted', text: 'Every setData of a WeChat-format page or component appears here with its keys, its size and the time until the view drew it.' }),
    );
    const bytes = shown.reduce((sum, r) => sum + Math.max(0, r.report.bytes), 0);
    summary.textContent = `${shown.length} call${shown.length === 1 ? '' : 's'} · ${formatBytes(bytes)}${shown.length > ROWS_SHOWN ? ` · newest ${ROWS_SHOWN} shown` : ''}`;
  }

  const el = h('section', { class: 'card calls-card', testid: 'setdata-panel', attrs: { 'aria-label': 'setData traffic' } },
    h('div', { class: 'toolbar' }, h('div', { class: 'toolbar-filters' }, apps.el, target), h('div', { class: 'toolbar-actions' }, summary, clearButton)),
    h('div', { class: 'table-wrap calls-wrap' }, table, empty),
  );
  draw([]);
  return { el, draw };
}
