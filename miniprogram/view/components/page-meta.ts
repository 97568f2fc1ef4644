import { rpxInStyle } from '../../rpx';
import { lengthAttr, numberAttr, stringAttr } from './attr-values';
import { defineBuiltin } from './registry';

/** WeChat's default scroll-duration, ms */
const DEFAULT_SCROLL_DURATION = 300;

/**
 * <page-meta>: settings of the page it is the first node of, written in WXML so they can be bound
 * ("通过这个节点可以获得类似于调用 wx.setBackgroundTextStyle wx.setBackgroundColor 等接口调用的效果"):
 * - page-style: the page root's style (WeChat: like HTML's body). Each page scrolls in its own frame here, so
 *   an `overflow` it sets (the usual `overflow: hidden` while a popup is open) applies to that frame;
 * - page-font-size (the page's font size; "system" keeps the default), root-font-size (what 1rem is: the
 *   view's document root, shared by its pages);
 * - background-color / root-background-color: the page frame's background;
 * - scroll-top (px or rpx) with scroll-duration, then scrolldone; scroll {scrollTop}; resize {size}.
 * background-text-style, background-color-top/-bottom and page-orientation have nothing to change on a desktop.
 * A <navigation-bar> as its first node sets the page's navigation bar (navigation-bar.ts).
 */
defineBuiltin({
  tag: 'page-meta',
  create: (ctx) => {
    const element = document.createElement('wx-page-meta');
    element.hidden = true;
    const values = new Map<string, unknown>();
    let frame: HTMLElement | null = null;
    let page: HTMLElement | null = null;
    let scrollWanted = false;
    let queued = false;

    /** finds the page once the element is in it, and listens there */
    const connect = (): boolean => {
      if (frame) return true;
      frame = element.closest<HTMLElement>('.wx-page-frame');
      page = element.closest<HTMLElement>('wx-page');
      if (!frame) return false;
      const scroller = frame;
      scroller.addEventListener('scroll', () => {
        if (ctx.listens('scroll')) ctx.emit('scroll', { scrollTop: scroller.scrollTop });
      }, { passive: true });
      let size = '';
      new ResizeObserver(() => {
        const now = `${scroller.clientWidth}x${scroller.clientHeight}`;
        if (size && now !== size) ctx.emit('resize', { size: { windowWidth: scroller.clientWidth, windowHeight: scroller.clientHeight } });
        size = now;
      }).observe(scroller);
      return true;
    };

    const apply = () => {
      queued = false;
      if (!connect() || !frame) return;
      const pageStyle = stringAttr(values.get('page-style'));
      const fontSize = stringAttr(values.get('page-font-size') ?? values.get('body-font-size'));
      if (page) {
        page.style.cssText = rpxInStyle(pageStyle);
        if (fontSize && fontSize !== 'system') page.style.fontSize = rpxInStyle(fontSize);
        // the page does not scroll itself: its frame does, so that is where overflow goes
        const overflow = page.style.overflowY || page.style.overflow;
        frame.style.overflowY = overflow === 'hidden' ? 'hidden' : '';
      }
      const rootFont = stringAttr(values.get('root-font-size'));
      document.documentElement.style.fontSize = rootFont && rootFont !== 'system' ? rpxInStyle(rootFont) : '';
      frame.style.backgroundColor = stringAttr(values.get('root-background-color') ?? values.get('background-color'));
      if (scrollWanted) {
        scrollWanted = false;
        scrollTo(frame);
      }
    };

    const scrollTo = (scroller: HTMLElement) => {
      const top = lengthAttr(values.get('scroll-top'), 0);
      const duration = numberAttr(values.get('scroll-duration'), DEFAULT_SCROLL_DURATION);
      const target = Math.max(0, Math.min(top, scroller.scrollHeight - scroller.clientHeight));
      if (Math.abs(scroller.scrollTop - target) < 1) {
        ctx.emit('scrolldone', {});
        return;
      }
      scroller.addEventListener('scrollend', () => ctx.emit('scrolldone', {}), { once: true });
      scroller.scrollTo({ top: target, behavior: duration > 0 ? 'smooth' : 'auto' });
    };

    /** the attributes of one render batch are applied together, once the element is in its page */
    const applySoon = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(apply);
    };

    return {
      element,
      set(name, value) {
        values.set(name, value);
        if (name === 'scroll-top') scrollWanted = stringAttr(value) !== '';
        applySoon();
        return true;
      },
      remove(name) {
        values.delete(name);
        applySoon();
        return true;
      },
    };
  },
});
