/** What can take keyboard focus inside an overlay, in tab order. */
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * Keeps Tab and Shift+Tab inside `container` while a modal overlay is up, and gives focus back to
 * whatever had it before when released: a keyboard user never lands on the page behind a dialog.
 */
export function trapFocus(container: HTMLElement, initial?: HTMLElement): () => void {
  const doc = container.ownerDocument;
  const before = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const items = focusables(container);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = doc.activeElement;
    if (e.shiftKey && (active === first || !container.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !container.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };
  // Focus that wanders out (a click on the mask, a script) is pulled back in.
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof Node && !container.contains(e.target)) (focusables(container)[0] ?? container).focus();
  };
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('focusin', onFocusIn, true);
  (initial ?? focusables(container)[0] ?? container).focus();
  return () => {
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('focusin', onFocusIn, true);
    if (before && before.isConnected) before.focus();
  };
}
