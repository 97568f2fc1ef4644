import { createDialog } from './dialog';
import { button, h } from './dom';

export interface ActionSheetOptions {
  alertText: string;
  itemList: string[];
  itemColor: string;
}

/** The label of the sheet's own cancel row (WeChat's wording). */
export const ACTION_SHEET_CANCEL_TEXT = '取消';

/**
 * wx.showActionSheet's menu: resolves with the index picked, or undefined when cancelled (cancel row,
 * Escape or a click beside the sheet). Up/Down move between rows, Enter/Space pick, focus starts on row 0.
 */
export function openActionSheet(doc: Document, options: ActionSheetOptions): Promise<number | undefined> {
  return new Promise((resolve) => {
    const finish = (tapIndex: number | undefined) => {
      dialog.close();
      resolve(tapIndex);
    };
    const dialog = createDialog(doc, { kind: 'action-sheet', label: options.alertText || 'Actions', onDismiss: () => finish(undefined), maskCloses: true });
    if (options.alertText) dialog.panel.append(h(doc, 'p', 'wx-action-sheet-alert', options.alertText));
    const menu = h(doc, 'div', 'wx-action-sheet-items');
    menu.setAttribute('role', 'menu');
    const rows = options.itemList.map((text, i) => {
      const row = button(doc, 'wx-action-sheet-item', text, () => finish(i));
      row.setAttribute('role', 'menuitem');
      row.style.color = options.itemColor;
      return row;
    });
    const cancel = button(doc, 'wx-action-sheet-item wx-action-sheet-cancel', ACTION_SHEET_CANCEL_TEXT, () => finish(undefined));
    const all = [...rows, cancel];
    dialog.panel.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const at = all.indexOf(doc.activeElement as HTMLButtonElement);
      const next = e.key === 'ArrowDown' ? (at + 1) % all.length : (at - 1 + all.length) % all.length;
      all[next]!.focus();
    });
    menu.append(...rows);
    dialog.panel.append(menu, cancel);
    dialog.open(rows[0] ?? cancel);
  });
}
