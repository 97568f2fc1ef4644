import { createDialog } from './dialog';
import { button, h } from './dom';

export interface ModalOptions {
  title: string;
  content: string;
  showCancel: boolean;
  cancelText: string;
  cancelColor: string;
  confirmText: string;
  confirmColor: string;
  editable: boolean;
  placeholderText: string;
}

export interface ModalResult {
  confirm: boolean;
  cancel: boolean;
  /** only when editable: what the user typed */
  content?: string;
}

/**
 * wx.showModal's dialog. Enter confirms (also from the text field), Escape cancels when there is a
 * cancel button; focus starts on the text field when editable, else on the confirm button.
 */
export function openModal(doc: Document, options: ModalOptions): Promise<ModalResult> {
  return new Promise((resolve) => {
    let input: HTMLInputElement | undefined;
    const finish = (confirm: boolean) => {
      dialog.close();
      resolve(options.editable ? { confirm, cancel: !confirm, content: input?.value ?? '' } : { confirm, cancel: !confirm });
    };
    const dialog = createDialog(doc, {
      kind: 'modal',
      label: options.title || options.content || 'Dialog',
      ...(options.showCancel ? { onDismiss: () => finish(false) } : {}),
    });
    const body = h(doc, 'div', 'wx-modal-body');
    if (options.title) body.append(h(doc, 'h2', 'wx-modal-title', options.title));
    if (options.editable) {
      input = h(doc, 'input', 'wx-modal-input');
      input.type = 'text';
      input.value = options.content;
      input.placeholder = options.placeholderText;
      input.setAttribute('aria-label', options.placeholderText || options.title || 'Input');
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.isComposing) {
          e.preventDefault();
          finish(true);
        }
      });
      body.append(input);
    } else if (options.content) {
      body.append(h(doc, 'p', 'wx-modal-content', options.content));
    }
    const actions = h(doc, 'div', 'wx-modal-actions');
    if (options.showCancel) {
      const cancel = button(doc, 'wx-modal-button wx-modal-cancel', options.cancelText, () => finish(false));
      cancel.style.color = options.cancelColor;
      actions.append(cancel);
    }
    const confirm = button(doc, 'wx-modal-button wx-modal-confirm', options.confirmText, () => finish(true));
    confirm.style.color = options.confirmColor;
    actions.append(confirm);
    dialog.panel.append(body, actions);
    dialog.open(input ?? confirm);
  });
}
