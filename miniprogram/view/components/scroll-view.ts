import { lengthAttr, stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { attachRefresher } from './scroll-refresher';

/** WeChat's default upper-threshold / lower-threshold, in px. */
const DEFAULT_THRESHOLD = 50;

/** what one render batch asked for: the attributes' values as given (lengths are read when they are applied) */
interface ScrollRequest {
  top?: unknown;
  left?: unknown;
  into?: string;
}

/**
 * <scroll-view>: scroll-x / scroll-y; scroll-top, scroll-left and scroll-into-view (an id inside it)
 * move it, smoothly with scroll-with-animation, each only along an axis it scrolls; when scroll-into-view
 * changes in the same update as scroll-top / scroll-left it wins, as WeChat documents. Lengths
 * (thresholds, scroll-top, scroll-left) are px, or "…rpx" / "…px" strings (base library 2.4.0).
 * scroll {scrollLeft, scrollTop, scrollHeight, scrollWidth, deltaX, deltaY} once per frame while it moves;
 * scrolltoupper / scrolltolower {direction} when it enters the threshold zone at either end (once per visit). Focusable, so arrows and PageDown scroll it.
 * The `refresher-*` pull-to-refresh is scroll-refresher.ts.
 */
defineBuiltin({
  tag: 'scroll-view',
  create: (ctx) => {
    const element = document.createElement('wx-scroll-view');
    element.tabIndex = 0;
    let x = false;
    let y = false;
    // as given: an rpx value follows the view's width when it is read
    let upper: unknown = DEFAULT_THRESHOLD;
    let lower: unknown = DEFAULT_THRESHOLD;
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
      const nowUpper = pos <= lengthAttr(upper, DEFAULT_THRESHOLD);
      const nowLower = size - pos <= lengthAttr(lower, DEFAULT_THRESHOLD);
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
    const behavior = (): ScrollBehavior => (smooth ? 'smooth' : 'instant');
    /** scroll-into-view: the element with that id inside, brought to the start along the axes that scroll */
    const scrollInto = (id: string) => {
      const target = element.querySelector(`#${CSS.escape(id)}`);
      if (!(target instanceof HTMLElement)) return;
      const box = element.getBoundingClientRect();
      const at = target.getBoundingClientRect();
      const to: ScrollToOptions = { behavior: behavior() };
      if (y) to.top = element.scrollTop + at.top - box.top - element.clientTop;
      if (x) to.left = element.scrollLeft + at.left - box.left - element.clientLeft;
      if (to.top !== undefined || to.left !== undefined) element.scrollTo(to);
    };
    /** scroll-top / scroll-left: only along an axis it scrolls */
    const scrollToOffsets = (wanted: ScrollRequest) => {
      const to: ScrollToOptions = { behavior: behavior() };
      if (y && 'top' in wanted) to.top = lengthAttr(wanted.top, 0);
      if (x && 'left' in wanted) to.left = lengthAttr(wanted.left, 0);
      if (to.top !== undefined || to.left !== undefined) element.scrollTo(to);
    };
    /** this render batch's scroll attributes (attributes of one batch are applied together) */
    let batch: ScrollRequest | undefined;
    /** the batches' requests waiting for the next frame, in order */
    let queued: ScrollRequest[] = [];
    /**
     * Scrolls after the batch that set it, in the next frame (the content it scrolls to may arrive in the same
     * batch). Within one batch scroll-into-view has priority over scroll-top / scroll-left; the batches
     * themselves apply in order.
     */
    const scrollSoon = (change: ScrollRequest) => {
      if (!batch) {
        batch = {};
        queueMicrotask(() => {
          const done = batch ?? {};
          batch = undefined;
          if (queued.length === 0) {
            requestAnimationFrame(() => {
              const requests = queued;
              queued = [];
              for (const wanted of requests) {
                if (wanted.into) scrollInto(wanted.into);
                else scrollToOffsets(wanted);
              }
            });
          }
          queued.push(done);
        });
      }
      Object.assign(batch, change);
    };
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
            upper = value;
            return true;
          case 'lower-threshold':
            lower = value;
            return true;
          case 'scroll-with-animation':
            smooth = truthy(value);
            return true;
          case 'scroll-top':
            scrollSoon({ top: value });
            return true;
          case 'scroll-left':
            scrollSoon({ left: value });
            return true;
          case 'scroll-into-view': {
            const id = stringAttr(value);
            if (id) scrollSoon({ into: id });
            return true;
          }
          default:
            return refresher(attr, value) || ['enable-back-to-top', 'enable-flex', 'scroll-anchoring', 'enhanced', 'bounces', 'show-scrollbar', 'paging-enabled', 'fast-deceleration', 'binddragstart'].includes(attr);
        }
      },
    };
  },
});
