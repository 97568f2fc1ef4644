import { numberAttr, stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { attachRefresher } from './scroll-refresher';

/** WeChat's default upper-threshold / lower-threshold, in px. */
const DEFAULT_THRESHOLD = 50;

/**
 * <scroll-view>: scroll-x / scroll-y; scroll-top, scroll-left and scroll-into-view (an id inside it)
 * move it, smoothly with scroll-with-animation; scroll {scrollLeft, scrollTop, scrollHeight, scrollWidth,
 * deltaX, deltaY} once per frame while it moves; scrolltoupper / scrolltolower {direction} when it
 * enters the threshold zone at either end (once per visit). Focusable, so arrows and PageDown scroll it.
 * The `refresher-*` pull-to-refresh is scroll-refresher.ts.
 */
defineBuiltin({
  tag: 'scroll-view',
  create: (ctx) => {
    const element = document.createElement('wx-scroll-view');
    element.tabIndex = 0;
    let x = false;
    let y = false;
    let upper = DEFAULT_THRESHOLD;
    let lower = DEFAULT_THRESHOLD;
    let smooth = false;
    let last = { left: 0, top: 0 };
    let frame = 0;
    let atUpper = true;
    let atLower = false;

    const axes = () => {
      element.style.overflowX = x ? 'auto' : 'hidden';
      element.style.overflowY = y ? 'auto' : 'hidden';
    };
    const edges = () => {
      const vertical = y || !x;
      const pos = vertical ? element.scrollTop : element.scrollLeft;
      const size = vertical ? element.scrollHeight - element.clientHeight : element.scrollWidth - element.clientWidth;
      const nowUpper = pos <= upper;
      const nowLower = size - pos <= lower;
      if (nowUpper && !atUpper) ctx.emit('scrolltoupper', { direction: vertical ? 'top' : 'left' });
      if (nowLower && !atLower) ctx.emit('scrolltolower', { direction: vertical ? 'bottom' : 'right' });
      atUpper = nowUpper;
      atLower = nowLower;
    };
    element.addEventListener('scroll', () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const now = { left: element.scrollLeft, top: element.scrollTop };
        ctx.emit('scroll', {
          scrollLeft: now.left,
          scrollTop: now.top,
          scrollHeight: element.scrollHeight,
          scrollWidth: element.scrollWidth,
          deltaX: last.left - now.left,
          deltaY: last.top - now.top,
        });
        last = now;
        edges();
      });
    });
    /** after the batch that set it: the content it scrolls to may arrive in the same batch */
    const later = (fn: () => void) => requestAnimationFrame(fn);
    const behavior = (): ScrollBehavior => (smooth ? 'smooth' : 'instant');
    const refresher = attachRefresher(element, ctx);
    axes();
    return {
      element,
      set(attr, value) {
        switch (attr) {
          case 'scroll-x':
            x = truthy(value);
            axes();
            return true;
          case 'scroll-y':
            y = truthy(value);
            axes();
            return true;
          case 'upper-threshold':
            upper = numberAttr(value, DEFAULT_THRESHOLD);
            return true;
          case 'lower-threshold':
            lower = numberAttr(value, DEFAULT_THRESHOLD);
            return true;
          case 'scroll-with-animation':
            smooth = truthy(value);
            return true;
          case 'scroll-top':
            later(() => element.scrollTo({ top: numberAttr(value, 0), behavior: behavior() }));
            return true;
          case 'scroll-left':
            later(() => element.scrollTo({ left: numberAttr(value, 0), behavior: behavior() }));
            return true;
          case 'scroll-into-view': {
            const id = stringAttr(value);
            if (!id) return true;
            later(() => {
              const target = element.querySelector(`#${CSS.escape(id)}`);
              if (!(target instanceof HTMLElement)) return;
              const box = element.getBoundingClientRect();
              const at = target.getBoundingClientRect();
              element.scrollTo({ top: element.scrollTop + at.top - box.top, left: element.scrollLeft + at.left - box.left, behavior: behavior() });
            });
            return true;
          }
          default:
            return refresher(attr, value) || ['enable-back-to-top', 'enable-flex', 'scroll-anchoring', 'enhanced', 'bounces', 'show-scrollbar', 'paging-enabled', 'fast-deceleration', 'binddragstart'].includes(attr);
        }
      },
    };
  },
});
