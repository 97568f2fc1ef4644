/**
 * Shared behaviour of sheets and dialogs: the rest of the shell (and the app frames in it) becomes
 * inert, Tab stays inside, Escape cancels, and focus returns where it was afterwards.
 */
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

let openCount = 0;

export interface ModalHandle {
  close(): void;
}

export function openModal(
  layer: HTMLElement,
  background: HTMLElement,
  dialog: HTMLElement,
  handlers: { onEscape(): void; onEnter?(): void; initialFocus?: HTMLElement },
): ModalHandle {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const backdrop = document.createElement('div');
  backdrop.className = 'modal-backdrop';
  backdrop.appendChild(dialog);
  layer.appendChild(backdrop);
  openCount += 1;
  background.inert = true;

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      handlers.onEscape();
    } else if (event.key === 'Enter' && handlers.onEnter) {
      // Enter on a button or in a text area keeps its own meaning; elsewhere it confirms.
      const target = event.target as HTMLElement;
      if (target.closest('button, textarea, a, select')) return;
      event.preventDefault();
      handlers.onEnter();
    } else if (event.key === 'Tab') {
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  dialog.addEventListener('keydown', onKey);
  (handlers.initialFocus ?? dialog).focus();

  let closed = false;
  return {
    close() {
      if (closed) return;
      closed = true;
      dialog.removeEventListener('keydown', onKey);
      backdrop.remove();
      openCount -= 1;
      if (openCount === 0) {
        background.inert = false;
        if (previousFocus?.isConnected) previousFocus.focus();
      }
    },
  };
}
