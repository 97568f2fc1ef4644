/** movement (px) before a press counts as a drag and the element takes the pointer */
const DRAG_SLOP = 3;

export interface DragHandlers {
  move(ev: PointerEvent): void;
  end(ev: PointerEvent): void;
}

/**
 * Follows one mouse/pen press from `down` until it is let go. Moves are heard on the whole document, so a
 * quick first move that already leaves the element still counts; once the press has moved a few px the
 * element captures the pointer, so the drag goes on outside the page too. Capturing only then keeps a
 * plain click's target as it was (a tap on a child of a draggable stays a tap on that child).
 */
export function trackDrag(element: HTMLElement, down: PointerEvent, handlers: DragHandlers): void {
  const doc = element.ownerDocument;
  const onMove = (ev: PointerEvent) => {
    if (ev.pointerId !== down.pointerId) return;
    const far = Math.abs(ev.clientX - down.clientX) > DRAG_SLOP || Math.abs(ev.clientY - down.clientY) > DRAG_SLOP;
    if (far && !element.hasPointerCapture(ev.pointerId) && element.isConnected) element.setPointerCapture(ev.pointerId);
    handlers.move(ev);
  };
  const onEnd = (ev: PointerEvent) => {
    if (ev.pointerId !== down.pointerId) return;
    doc.removeEventListener('pointermove', onMove, true);
    doc.removeEventListener('pointerup', onEnd, true);
    doc.removeEventListener('pointercancel', onEnd, true);
    handlers.end(ev);
  };
  // capture phase on the document: the element's own pointer capture sends events to it, and they pass here first
  doc.addEventListener('pointermove', onMove, true);
  doc.addEventListener('pointerup', onEnd, true);
  doc.addEventListener('pointercancel', onEnd, true);
}
