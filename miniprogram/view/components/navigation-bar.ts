import { NAV_BAR_ATTRIBUTES_EVENT, nextStamp, type NavBarAttributes } from '../chrome/nav-bar-layers';
import { colorAnimation, windowFieldChange } from './navigation-bar-attrs';
import { defineBuiltin } from './registry';

/**
 * <navigation-bar> inside <page-meta>: the page's navigation bar written in WXML, so it can be bound ("通过这个节点
 * 可以获得类似于调用 wx.setNavigationBarTitle wx.setNavigationBarColor 等接口调用的效果"): title, loading, front-color
 * (#ffffff / #000000), background-color (hex), with color-animation-duration / color-animation-timing-func for
 * colour changes. An attribute's change and a navigation bar API call act on the same bar: the later one shows
 * (chrome/nav-bar-layers.ts); an attribute that is absent leaves the page's json / app.json window.
 * WeChat takes it only as the first node of <page-meta>: anywhere else it is ignored, with a warning.
 */
defineBuiltin({
  tag: 'navigation-bar',
  create: () => {
    const element = document.createElement('wx-navigation-bar');
    element.hidden = true;
    const fields: NavBarAttributes['fields'] = {};
    let duration: unknown;
    let timingFunc: unknown;
    let queued = false;
    let warned = false;

    const misplaced = (): boolean => {
      if (element.parentElement?.localName === 'wx-page-meta') return false;
      if (!warned) console.warn('<navigation-bar> only works as the first node of <page-meta>; this one is ignored');
      warned = true;
      return true;
    };

    /** hands the attributes to the page frame around the node, once it is in its page */
    const send = (retry: boolean) => {
      if (!element.isConnected && retry) {
        requestAnimationFrame(() => send(false));
        return;
      }
      queued = false;
      if (!element.isConnected || misplaced()) return;
      const detail: NavBarAttributes = { fields: { ...fields }, animation: colorAnimation(duration, timingFunc) };
      element.dispatchEvent(new CustomEvent(NAV_BAR_ATTRIBUTES_EVENT, { bubbles: true, detail }));
    };

    /** the attributes of one render batch go together (a node is created before it is put in its page) */
    const sendSoon = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => send(true));
    };

    const change = (name: string, value: unknown): boolean => {
      if (name === 'color-animation-duration') duration = value;
      else if (name === 'color-animation-timing-func') timingFunc = value;
      else {
        const result = windowFieldChange(name, value);
        if (!result) return false;
        if ('invalid' in result) {
          console.warn(`<navigation-bar>: ${result.invalid}; the bar keeps its colour`);
          return true;
        }
        // stamped now, when the batch sets it: a navigation bar API call after this batch is the later change.
        // The same value again is no change, so it does not take the bar back from such a call.
        if (result.value === undefined) delete fields[result.field];
        else if (fields[result.field]?.value !== result.value) fields[result.field] = { value: result.value, stamp: nextStamp() };
      }
      sendSoon();
      return true;
    };

    return {
      element,
      set: change,
      remove: (name) => change(name, undefined),
    };
  },
});
