import type { ToLogic, WxTouch } from '../protocol';
import type { DomApplier } from './dom-applier';
import { canvasTouchTarget } from './canvas-touch';

/** WeChat's long-press delay and the movement that cancels a tap */
const LONG_PRESS_MS = 350;
const TAP_SLOP = 10;

function touch(ev: PointerEvent | MouseEvent): WxTouch {
  return {
    identifier: 'pointerId' in ev ? ev.pointerId : 0,
    pageX: ev.pageX,
    pageY: ev.pageY,
    clientX: ev.clientX,
    clientY: ev.clientY,
    force: 'pressure' in ev ? ev.pressure : 1,
  };
}

/**
 * Turns mouse/pen/touch input on the pages into WeChat's touch events: touchstart/move/end/cancel, tap,
 * longpress (and longtap); one delegated listener per type, and an event is only sent when some node on
 * the path listens for it, so moving the mouse over a page costs the Worker nothing.
 */
export function forwardUserEvents(root: HTMLElement, applier: DomApplier, post: (m: ToLogic) => void): void {
  let press: { x: number; y: number; timer: ReturnType<typeof setTimeout>; target: EventTarget | null } | undefined;
  let suppressClick = false;

  const send = (target: EventTarget | null, type: string, ev: PointerEvent | MouseEvent, detail: unknown, ended = false) => {
    // a <canvas>'s touches are its own: CanvasTouch points, and they do not bubble (WeChat)
    const canvas = canvasTouchTarget(target, type, ev);
    if (canvas) {
      const node = applier.listens(canvas.element, type) ? applier.nodeIdOf(canvas.element) : undefined;
      if (node === undefined) return false;
      post({ t: 'event', node, type, detail, bubbles: false, touches: ended ? [] : [canvas.touch], changedTouches: [canvas.touch] });
      return true;
    }
    if (!applier.listens(target, type)) return false;
    const node = applier.nodeIdOf(target);
    if (node === undefined) return false;
    const t = touch(ev);
    post({ t: 'event', node, type, detail, bubbles: true, touches: ended ? [] : [t], changedTouches: [t] });
    return true;
  };
  const disabled = (target: EventTarget | null) => target instanceof Element && target.closest('[data-wx-disabled]') !== null;

  root.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0 || disabled(ev.target)) return;
    send(ev.target, 'touchstart', ev, {});
    const target = ev.target;
    press = {
      x: ev.clientX,
      y: ev.clientY,
      target,
      timer: setTimeout(() => {
        // a handled long press replaces the tap, as in WeChat
        const handled = send(target, 'longpress', ev, { x: ev.pageX, y: ev.pageY });
        const handledTap = send(target, 'longtap', ev, { x: ev.pageX, y: ev.pageY });
        suppressClick = handled || handledTap;
      }, LONG_PRESS_MS),
    };
  });
  root.addEventListener('pointermove', (ev) => {
    if (!press) return;
    if (Math.abs(ev.clientX - press.x) > TAP_SLOP || Math.abs(ev.clientY - press.y) > TAP_SLOP) clearTimeout(press.timer);
    send(press.target, 'touchmove', ev, {});
  });
  const end = (type: 'touchend' | 'touchcancel') => (ev: PointerEvent) => {
    if (!press) return;
    clearTimeout(press.timer);
    send(press.target, type, ev, {}, true);
    press = undefined;
  };
  root.addEventListener('pointerup', end('touchend'));
  root.addEventListener('pointercancel', end('touchcancel'));
  root.addEventListener('click', (ev) => {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    if (disabled(ev.target)) return;
    send(ev.target, 'tap', ev, { x: ev.pageX, y: ev.pageY });
  });
}
