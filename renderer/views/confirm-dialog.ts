import { h } from '../lib/dom';
import { openModal } from './modal';

export interface ConfirmOptions {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}

/** Asks before anything that cannot be undone; resolves true only on an explicit confirm. */
export function createConfirm(layer: HTMLElement, background: HTMLElement): (options: ConfirmOptions) => Promise<boolean> {
  return (options) =>
    new Promise((resolve) => {
      const titleId = `confirm-title-${Date.now()}`;
      const ok = h('button', {
        class: options.danger ? 'button button-danger' : 'button button-primary',
        testid: 'confirm-ok',
        attrs: { type: 'button' },
        text: options.confirmLabel,
      });
      const cancel = h('button', { class: 'button', testid: 'confirm-cancel', attrs: { type: 'button' }, text: 'Cancel' });
      const dialog = h(
        'div',
        { class: 'dialog', testid: 'confirm-dialog', attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: -1 } },
        h('h2', { class: 'dialog-title', attrs: { id: titleId }, text: options.title }),
        h('p', { class: 'dialog-body', text: options.body }),
        h('div', { class: 'dialog-actions' }, cancel, ok),
      );
      const finish = (answer: boolean): void => {
        modal.close();
        resolve(answer);
      };
      // Something destructive starts on Cancel (as payment sheets do), so a repeated Enter cannot confirm it.
      const modal = openModal(layer, background, dialog, { onEscape: () => finish(false), onEnter: () => finish(true), initialFocus: options.danger ? cancel : ok });
      ok.addEventListener('click', () => finish(true));
      cancel.addEventListener('click', () => finish(false));
    });
}
