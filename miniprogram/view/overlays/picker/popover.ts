import { createDialog } from '../dialog';
import { button, h } from '../dom';
import type { PickerModel } from './model';

export interface PickerPopoverOptions {
  model: PickerModel;
  /** the element the pop-over opens under (the `picker`'s own box); centred when absent */
  anchor?: Element;
  label: string;
  /** a column's selection changed (multiSelector's `columnchange`: {column, value}) */
  onColumnChange?: (column: number, row: number) => void;
}

export interface PickerPopover {
  /** the change `detail` on confirm, undefined on cancel */
  result: Promise<Record<string, unknown> | undefined>;
  /** redraws from the model (after the page replaced a multiSelector column) */
  refresh(): void;
}

/** Words on the two buttons, as WeChat's picker has them. */
export const PICKER_CANCEL_TEXT = '取消';
export const PICKER_CONFIRM_TEXT = '确定';

const PAGE_ROWS = 5;

/**
 * The desktop pop-over of every `picker` mode: one list per column, side by side, under the picker.
 * Mouse: click a row, scroll a column, click a button or outside (cancel). Keyboard: Up/Down,
 * PageUp/PageDown, Home/End in the focused column, Left/Right between columns, Enter confirms,
 * Escape cancels, Tab cycles columns and buttons.
 */
export function openPickerPopover(doc: Document, options: PickerPopoverOptions): PickerPopover {
  const { model } = options;
  let finish: (detail: Record<string, unknown> | undefined) => void = () => undefined;
  const result = new Promise<Record<string, unknown> | undefined>((resolve) => {
    finish = (detail) => {
      dialog.close();
      resolve(detail);
    };
  });
  const dialog = createDialog(doc, { kind: 'picker', label: options.label, onDismiss: () => finish(undefined), maskCloses: true });
  dialog.mask.classList.add('wx-mask-clear');
  const columnsBox = h(doc, 'div', 'wx-picker-columns');
  let lists: HTMLElement[] = [];

  const move = (column: number, row: number) => {
    const before = model.selected()[column];
    model.select(column, row);
    const after = model.selected()[column];
    render(column);
    if (after !== undefined && after !== before) options.onColumnChange?.(column, after);
  };

  const render = (focusColumn?: number) => {
    const columns = model.columns();
    const selected = model.selected();
    columnsBox.replaceChildren();
    lists = columns.map((labels, c) => {
      const list = h(doc, 'div', 'wx-picker-column');
      list.setAttribute('role', 'listbox');
      list.setAttribute('aria-label', `${options.label} ${c + 1}`);
      list.tabIndex = 0;
      list.dataset.column = String(c);
      labels.forEach((text, r) => {
        const option = h(doc, 'div', 'wx-picker-option', text);
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(r === selected[c]));
        option.addEventListener('click', () => move(c, r));
        list.append(option);
      });
      const active = list.children[selected[c] ?? 0] as HTMLElement | undefined;
      if (active) list.setAttribute('aria-activedescendant', (active.id = `wx-picker-${c}-${selected[c]}`));
      list.addEventListener('keydown', (e) => onKey(e, c, labels.length));
      columnsBox.append(list);
      return list;
    });
    if (focusColumn !== undefined) lists[Math.min(focusColumn, lists.length - 1)]?.focus();
    // Keep each selected row in sight after every change, without scrolling the page behind.
    lists.forEach((list, c) => {
      const row = list.children[selected[c] ?? 0] as HTMLElement | undefined;
      if (row) list.scrollTop = row.offsetTop - list.clientHeight / 2 + row.offsetHeight / 2;
    });
  };

  const onKey = (e: KeyboardEvent, column: number, rows: number) => {
    const at = model.selected()[column] ?? 0;
    const targets: Record<string, () => void> = {
      ArrowDown: () => move(column, Math.min(rows - 1, at + 1)),
      ArrowUp: () => move(column, Math.max(0, at - 1)),
      PageDown: () => move(column, Math.min(rows - 1, at + PAGE_ROWS)),
      PageUp: () => move(column, Math.max(0, at - PAGE_ROWS)),
      Home: () => move(column, 0),
      End: () => move(column, rows - 1),
      ArrowRight: () => lists[Math.min(lists.length - 1, column + 1)]?.focus(),
      ArrowLeft: () => lists[Math.max(0, column - 1)]?.focus(),
      Enter: () => finish(model.detail()),
    };
    const run = targets[e.key];
    if (!run || e.isComposing) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };

  const actions = h(doc, 'div', 'wx-picker-actions');
  actions.append(
    button(doc, 'wx-picker-button wx-picker-cancel', PICKER_CANCEL_TEXT, () => finish(undefined)),
    button(doc, 'wx-picker-button wx-picker-confirm', PICKER_CONFIRM_TEXT, () => finish(model.detail())),
  );
  dialog.panel.append(columnsBox, actions);
  render();
  placeUnder(dialog.panel, options.anchor, doc);
  dialog.open(lists[0]);
  render(0);
  return { result, refresh: () => render(lists.findIndex((l) => l === doc.activeElement)) };
}

/** Positions the pop-over under its anchor, kept inside the view; centred when there is no anchor. */
function placeUnder(panel: HTMLElement, anchor: Element | undefined, doc: Document): void {
  if (!anchor) {
    panel.classList.add('wx-picker-centred');
    return;
  }
  const box = anchor.getBoundingClientRect();
  const view = doc.documentElement;
  panel.style.position = 'fixed';
  panel.style.left = `${Math.max(8, Math.min(box.left, view.clientWidth - 328))}px`;
  const below = box.bottom + 4;
  // Not enough room under the anchor: open above it instead.
  panel.style.top = below + 280 > view.clientHeight && box.top > 288 ? `${box.top - 284}px` : `${Math.max(8, below)}px`;
}
