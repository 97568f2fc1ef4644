import type { CanvasTouch } from '../protocol';

/** the events whose touches a <canvas> reports as CanvasTouch (its component docs list these) */
const CANVAS_TOUCH_EVENTS: ReadonlySet<string> = new Set(['touchstart', 'touchmove', 'touchend', 'touchcancel', 'longtap']);

/**
 * When a pointer event of one of those types is on a <canvas> (wx-canvas or inside it): the canvas element and
 * the touch point relative to its top-left corner, in CSS px (a drag that leaves the canvas goes negative or
 * past its size, as in WeChat).
 */
export function canvasTouchTarget(target: EventTarget | null, type: string, ev: PointerEvent | MouseEvent): { element: Element; touch: CanvasTouch } | undefined {
  if (!CANVAS_TOUCH_EVENTS.has(type) || !(target instanceof Element)) return undefined;
  const element = target.closest('wx-canvas');
  if (!element) return undefined;
  // the drawing's corner: inside the element's border, if the page gave it one
  const box = (element.querySelector(':scope > canvas') ?? element).getBoundingClientRect();
  return { element, touch: { identifier: 'pointerId' in ev ? ev.pointerId : 0, x: ev.clientX - box.left, y: ev.clientY - box.top } };
}
