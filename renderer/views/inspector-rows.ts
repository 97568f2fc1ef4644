import { h } from '../lib/dom';

export interface ExpandableRowOptions {
  seq: number;
  testid: string;
  attrs: Record<string, string>;
  /** the seqs shown open, shared by the section */
  expanded: Set<number>;
  redraw: () => void;
  /** the tbody, to put focus back on the row after a redraw */
  body: HTMLElement;
  columns: number;
  cells: HTMLElement[];
  detail: () => HTMLElement;
}

/** A row that opens a detail row below it on click, Enter or Space, and keeps keyboard focus across redraws. */
export function expandableRow(o: ExpandableRowOptions): HTMLElement[] {
  const open = o.expanded.has(o.seq);
  const toggle = (): void => {
    if (o.expanded.has(o.seq)) o.expanded.delete(o.seq);
    else o.expanded.add(o.seq);
    o.redraw();
    o.body.querySelector<HTMLElement>(`tr[data-seq="${o.seq}"]`)?.focus();
  };
  const tr = h('tr', {
    class: `call-row${open ? ' is-open' : ''}`,
    testid: o.testid,
    attrs: { tabindex: 0, 'aria-expanded': String(open), 'data-seq': o.seq, ...o.attrs },
    on: {
      click: toggle,
      keydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          toggle();
        }
      },
    },
  }, o.cells);
  return open ? [tr, h('tr', { class: 'call-detail-row' }, h('td', { attrs: { colspan: o.columns } }, o.detail()))] : [tr];
}
