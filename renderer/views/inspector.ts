import type { CallRecord } from '../../core/contracts/shell-api';
import { appIdsOf, customApiName, filterCalls, mergeCalls, NO_FILTER, type CallFilter, type Outcome } from '../lib/call-filter';
import { h, icon, ICONS, replaceChildren } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { formatClock, formatMs } from '../lib/time';
import type { ShellContext } from '../state';
import { createMocksPanel } from './mocks';
import { networkSummary } from '../lib/network-summary';
import type { DevRecord, PageStackState } from '../../core/contracts/devtools';
import { isProblem, isSetData, mergeDevRecords } from '../lib/dev-records';
import { createErrorsPanel } from './inspector-errors';
import { createPagesPanel } from './inspector-pages';
import { createSetDataPanel } from './inspector-setdata';
import { createTabStrip } from './inspector-tabs';
import { expandableRow } from './inspector-rows';

const OUTCOMES: readonly Outcome[] = ['ok', 'fail', 'cancel', 'timeout', 'error'];
// Drawing thousands of rows makes the page sluggish; the filters narrow down instead.
const ROWS_SHOWN = 300;

export interface Inspector {
  el: HTMLElement;
  show(): void;
  onCall(record: CallRecord): void;
  onDevtools(records: readonly DevRecord[]): void;
  onPageStack(stack: PageStackState): void;
  reload(): Promise<void>;
}

/**
 * The developer's inspector, in sections: every bridge call (filter, expand, clear, export; mocks beside it),
 * the errors of WeChat-format page code, each app's page stack, and setData traffic.
 */
export function createInspector(ctx: ShellContext): Inspector {
  let records: CallRecord[] = [];
  let filter: CallFilter = { ...NO_FILTER };
  const expanded = new Set<number>();
  let drawPending = false;
  const mocks = createMocksPanel(ctx);

  const appSelect = h('select', { class: 'input input-compact', testid: 'filter-app', attrs: { 'aria-label': 'Filter by app' } });
  const apiInput = h('input', { class: 'input input-compact', testid: 'filter-api', attrs: { type: 'search', placeholder: 'Filter by API', 'aria-label': 'Filter by API', spellcheck: 'false' } });
  const outcomeSelect = h('select', { class: 'input input-compact', testid: 'filter-outcome', attrs: { 'aria-label': 'Filter by outcome' } },
    h('option', { attrs: { value: '' }, text: 'All outcomes' }),
    OUTCOMES.map((o) => h('option', { attrs: { value: o }, text: o })),
  );
  const summary = h('span', { class: 'muted small nowrap', testid: 'calls-summary', attrs: { 'aria-live': 'polite' } });
  const body = h('tbody');
  const empty = h('div', { class: 'empty-state empty-compact', testid: 'calls-empty' });
  const table = h('table', { class: 'table calls-table' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'col-time', text: 'Time' }), h('th', { text: 'App' }), h('th', { text: 'API' }), h('th', { text: 'Outcome' }), h('th', { class: 'num', text: 'Duration' }),
    )),
    body,
  );

  const names = (): Map<string, string> => new Map(ctx.state.get().apps.map((a) => [a.appId, a.name]));

  const fillAppFilter = (): void => {
    const known = names();
    const ids = [...new Set([...appIdsOf(records), ...known.keys()])].sort();
    const current = appSelect.value;
    replaceChildren(appSelect, h('option', { attrs: { value: '' }, text: 'All apps' }), ids.map((id) => h('option', { attrs: { value: id }, text: known.get(id) ?? id })));
    appSelect.value = ids.includes(current) ? current : '';
  };

  const detail = (r: CallRecord): HTMLElement =>
    h('div', { class: 'call-detail', testid: 'call-detail', attrs: { 'data-seq': r.seq } },
      h('div', { class: 'detail-meta muted small', text: `#${r.seq} · view ${r.webViewId} · ${new Date(r.at).toISOString()}${r.mocked ? ' · answered by a mock rule' : ''}` }),
      h('div', { class: 'detail-grid' },
        h('div', {}, h('div', { class: 'detail-label', text: 'Params' }), h('pre', { class: 'code', text: json(r.params) })),
        h('div', {},
          h('div', { class: 'detail-label', text: r.outcome === 'ok' ? 'Result' : 'Error' }),
          h('pre', { class: 'code', text: r.outcome === 'ok' ? json(r.result ?? {}) : json({ errMsg: r.errMsg, ...(r.result !== undefined ? { result: r.result } : {}) }) }),
        ),
      ),
      r.internalError ? h('div', { class: 'notice notice-error small' }, icon(ICONS.alert, 14), h('span', { text: `Internal error (not sent to the app): ${r.internalError}` })) : null,
    );

  const row = (r: CallRecord, appNames: Map<string, string>): HTMLElement[] => {
    const custom = customApiName(r);
    const network = networkSummary(r);
    return expandableRow({
      seq: r.seq,
      testid: 'call-row',
      attrs: { 'data-api': r.api, 'data-outcome': r.outcome, 'data-app-id': r.appId, 'data-mocked': String(r.mocked) },
      expanded,
      redraw: () => draw(),
      body,
      columns: 5,
      cells: [
        h('td', { class: 'mono small nowrap col-time', text: formatClock(r.at) }),
        h('td', { class: 'nowrap', text: appNames.get(r.appId) ?? r.appId }),
        h('td', {},
          h('span', { class: 'mono', text: r.api }),
          custom ? h('span', { class: 'mono muted', text: ` · ${custom}` }) : null,
          r.mocked ? h('span', { class: 'badge badge-warning badge-inline', testid: 'mocked-badge', text: 'Mocked' }) : null,
          network ? h('div', { class: 'mono muted small errmsg', testid: 'call-network', text: network }) : null,
        ),
        h('td', {},
          h('span', { class: `outcome outcome-${r.outcome}`, text: r.outcome }),
          r.errMsg && r.outcome !== 'ok' ? h('span', { class: 'muted small errmsg', text: r.errMsg }) : null,
        ),
        h('td', { class: 'num mono small nowrap', text: formatMs(r.ms) }),
      ],
      detail: () => detail(r),
    });
  };

  const draw = (): void => {
    drawPending = false;
    const shown = filterCalls(records, filter);
    const appNames = names();
    const visibleRows = shown.slice(0, ROWS_SHOWN);
    replaceChildren(body, visibleRows.map((r) => row(r, appNames)));
    table.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    replaceChildren(empty,
      icon(ICONS.activity, 28),
      h('h3', { text: records.length === 0 ? 'No calls yet' : 'No calls match the filters' }),
      h('p', { class: 'muted', text: records.length === 0 ? 'Calls from running apps to wx APIs appear here as they happen.' : 'Change or clear the filters to see more.' }),
    );
    summary.textContent =
      shown.length > ROWS_SHOWN ? `Showing newest ${ROWS_SHOWN} of ${shown.length} calls` : `${shown.length} call${shown.length === 1 ? '' : 's'}${shown.length !== records.length ? ` of ${records.length}` : ''}`;
  };

  // Calls can arrive in bursts: redraw at most once per frame, and only while the inspector is visible.
  const scheduleDraw = (): void => {
    if (drawPending || ctx.state.get().panel !== 'inspector') return;
    drawPending = true;
    requestAnimationFrame(draw);
  };

  // The WeChat runtime's reports: errors and setData rows (bounded like the calls), and each view's page stack.
  let devRecords: DevRecord[] = [];
  const stacks = new Map<number, PageStackState>();
  let devDrawPending = false;
  const clearDevtools = async (): Promise<void> => {
    try {
      await ctx.api.call('clearDevtools', {});
      devRecords = [];
      drawDevtools();
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };
  const errors = createErrorsPanel(ctx, () => void clearDevtools());
  const pages = createPagesPanel(ctx);
  const setData = createSetDataPanel(ctx, () => void clearDevtools());
  const drawDevtools = (): void => {
    devDrawPending = false;
    const section = tabs.selected();
    if (section === 'errors') errors.draw(devRecords);
    if (section === 'setdata') setData.draw(devRecords);
    if (section === 'pages') pages.draw(stacks);
    tabs.setCount('errors', devRecords.filter(isProblem).length);
    tabs.setCount('setdata', devRecords.filter(isSetData).length);
  };
  const scheduleDevDraw = (): void => {
    if (devDrawPending || ctx.state.get().panel !== 'inspector') return;
    devDrawPending = true;
    requestAnimationFrame(drawDevtools);
  };
  // a closed app's stack goes with it
  ctx.state.subscribe((s, prev) => {
    if (s.running === prev.running) return;
    const open = new Set(s.running.map((r) => r.viewId));
    for (const viewId of [...stacks.keys()]) if (!open.has(viewId)) stacks.delete(viewId);
    scheduleDevDraw();
  });

  const onFilter = (): void => {
    filter = { appId: appSelect.value, api: apiInput.value, outcome: outcomeSelect.value as Outcome | '' };
    draw();
  };
  appSelect.addEventListener('change', onFilter);
  apiInput.addEventListener('input', onFilter);
  outcomeSelect.addEventListener('change', onFilter);

  const clear = h('button', { class: 'button', testid: 'calls-clear', attrs: { type: 'button' } }, icon(ICONS.trash, 14), h('span', { text: 'Clear' }));
  clear.addEventListener('click', async () => {
    try {
      await ctx.api.call('clearCalls', {});
      records = [];
      expanded.clear();
      fillAppFilter();
      draw();
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  });

  const exportButton = h('button', { class: 'button', testid: 'calls-export', attrs: { type: 'button', title: 'Save the calls shown as calls.json' } }, icon(ICONS.download, 14), h('span', { text: 'Export JSON' }));
  exportButton.addEventListener('click', async () => {
    const shown = filterCalls(records, filter);
    try {
      // each host saves its own way: a save dialog in the desktop app, a download in the browser
      const saved = await ctx.api.saveFile('calls.json', JSON.stringify(shown, null, 2));
      if (saved.kind === 'saved') ctx.toasts.success(`Saved ${shown.length} ${shown.length === 1 ? 'call' : 'calls'} to ${saved.path}`);
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  });

  const callsSection = h('div', { class: 'inspector-columns' },
    h('section', { class: 'card calls-card', testid: 'calls-panel', attrs: { 'aria-label': 'Calls' } },
      h('div', { class: 'toolbar' },
        h('div', { class: 'toolbar-filters' }, appSelect, apiInput, outcomeSelect),
        h('div', { class: 'toolbar-actions' }, summary, clear, exportButton),
      ),
      h('div', { class: 'table-wrap calls-wrap' }, table, empty),
    ),
    mocks.el,
  );
  const errorsSection = h('div', { class: 'inspector-section' }, errors.el);
  const pagesSection = h('div', { class: 'inspector-section' }, pages.el);
  const setDataSection = h('div', { class: 'inspector-section' }, setData.el);
  const tabs = createTabStrip(
    [
      { id: 'calls', label: 'Calls', panel: callsSection },
      { id: 'errors', label: 'Errors', panel: errorsSection },
      { id: 'pages', label: 'Pages', panel: pagesSection },
      { id: 'setdata', label: 'setData', panel: setDataSection },
    ],
    () => {
      if (ctx.state.get().panel === 'inspector') drawDevtools();
    },
  );

  const el = h('section', { class: 'panel', testid: 'inspector', attrs: { hidden: true, 'aria-labelledby': 'inspector-title' } },
    h('div', { class: 'panel-inner panel-wide' },
      h('div', { class: 'panel-header' },
        h('div', {},
          h('h1', { class: 'panel-title', attrs: { id: 'inspector-title' }, text: 'Inspector' }),
          h('p', { class: 'muted', text: 'Live log of every wx call the shell handled with mock rules to shape the answers, and what WeChat-format apps report: errors, page stacks and setData traffic.' }),
        ),
      ),
      h('div', { class: 'inspector-body' }, tabs.el, callsSection, errorsSection, pagesSection, setDataSection),
    ),
  );

  const reload = async (): Promise<void> => {
    try {
      const [calls, dev] = await Promise.all([ctx.api.call('listCalls', {}), ctx.api.call('listDevtools', {})]);
      records = mergeCalls(records, calls);
      devRecords = mergeDevRecords(devRecords, dev.records);
      for (const stack of dev.stacks) stacks.set(stack.webViewId, stack);
      fillAppFilter();
      scheduleDraw();
      scheduleDevDraw();
    } catch (error) {
      ctx.toasts.error(toErrorInfo(error));
    }
  };

  draw();
  return {
    el,
    reload,
    show() {
      fillAppFilter();
      draw();
      drawDevtools();
      void mocks.load();
    },
    onDevtools(incoming) {
      devRecords = mergeDevRecords(devRecords, incoming);
      scheduleDevDraw();
    },
    onPageStack(stack) {
      stacks.set(stack.webViewId, stack);
      scheduleDevDraw();
    },
    onCall(record) {
      const isNewApp = !records.some((r) => r.appId === record.appId);
      records = mergeCalls(records, [record]);
      if (isNewApp) fillAppFilter();
      scheduleDraw();
    },
  };
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}
