import { h, overlayRoot } from './dom';
import { trapFocus } from './focus-trap';

export interface DialogOptions {
  /** extra class on the panel: what kind of dialog it is (modal, action sheet, picker...) */
  kind: string;
  /** accessible name of the dialog */
  label: string;
  /** Escape, or a click on the mask (only when maskCloses): the dialog's own "cancel" */
  onDismiss?: () => void;
  maskCloses?: boolean;
}

export interface Dialog {
  mask: HTMLElement;
  panel: HTMLElement;
  /** moves focus in and traps it; call after the panel's content is in place */
  open(initial?: HTMLElement): void;
  close(): void;
}

/**
 * A modal dialog in the overlay layer: a dimming mask that swallows clicks meant for the page behind,
 * a panel with role=dialog, Escape to dismiss (when the dialog has a cancel), and focus trapped inside
 * until it closes, after which focus returns where it was.
 */
export function createDialog(doc: Document, options: DialogOptions): Dialog {
  const mask = h(doc, 'div', 'wx-mask');
  const panel = h(doc, 'div', `wx-dialog wx-${options.kind}`);
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', options.label);
  panel.tabIndex = -1;
  mask.append(panel);
  let release: (() => void) | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && options.onDismiss) {
      e.preventDefault();
      e.stopPropagation();
      options.onDismiss();
    }
  };
  mask.addEventListener('keydown', onKey);
  mask.addEventListener('click', (e) => {
    if (e.target === mask && options.maskCloses && options.onDismiss) options.onDismiss();
  });
  return {
    mask,
    panel,
    open(initial) {
      overlayRoot(doc).append(mask);
      release = trapFocus(panel, initial);
    },
    close() {
      mask.remove();
      release?.();
      release = undefined;
    },
  };
}
