import { attachHover } from './hover';
import { defineBuiltin } from './registry';

type OpenType = 'navigate' | 'redirect' | 'switchTab' | 'reLaunch' | 'navigateBack' | 'exit';
const OPEN_TYPES = new Set<OpenType>(['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack', 'exit']);

/** attributes that only mean something with target="miniProgram" (another mini program to open) */
const MINI_PROGRAM_ATTRS = new Set(['app-id', 'path', 'extra-data', 'version', 'short-link']);

/**
 * <navigator url open-type delta>: a link to another page of the app, clickable and keyboard-reachable.
 * target="miniProgram" would open another mini program (app-id, path, extra-data, version) or, with
 * open-type="exit", leave this one; a navigator here can do neither, so it stays on the page and sends
 * fail {errMsg} then complete {errMsg} (WeChat's bindfail/bindcomplete). open-type="exit" is only valid
 * with target="miniProgram"; on the app's own target it does nothing.
 */
defineBuiltin({
  tag: 'navigator',
  create: (ctx) => {
    const element = document.createElement('wx-navigator');
    element.setAttribute('role', 'link');
    element.tabIndex = 0;
    let url: string | undefined;
    let openType: OpenType = 'navigate';
    let delta: number | undefined;
    let target = 'self';
    const hover = attachHover(element, { hoverClass: 'navigator-hover', startTime: 50, stayTime: 600 });
    const go = () => {
      if (target === 'miniProgram') {
        const errMsg =
          openType === 'exit'
            ? 'exitMiniProgram:fail this desktop shell cannot exit the mini program from a navigator (wx.exitMiniProgram can)'
            : 'navigateToMiniProgram:fail this desktop shell cannot open another mini program from a navigator';
        console.warn(`navigator target="miniProgram": ${errMsg}`);
        ctx.emit('fail', { errMsg });
        ctx.emit('complete', { errMsg });
        return;
      }
      if (openType === 'exit') {
        console.warn('navigator open-type="exit" only works with target="miniProgram"; nothing done');
        return;
      }
      ctx.navigate(openType, url, delta);
    };
    element.addEventListener('click', go);
    element.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') go();
    });
    return {
      element,
      set(name, value) {
        if (name === 'url') url = String(value);
        else if (name === 'open-type') openType = OPEN_TYPES.has(value as OpenType) ? (value as OpenType) : 'navigate';
        else if (name === 'delta') delta = Number(value);
        else if (name === 'target') target = value === 'miniProgram' ? 'miniProgram' : 'self';
        else return hover(name, value) || MINI_PROGRAM_ATTRS.has(name);
        return true;
      },
    };
  },
});
