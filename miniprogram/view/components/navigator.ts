import { attachHover } from './hover';
import { defineBuiltin } from './registry';

type OpenType = 'navigate' | 'redirect' | 'switchTab' | 'reLaunch' | 'navigateBack';
const OPEN_TYPES = new Set<OpenType>(['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack']);

/** <navigator url open-type delta>: a link to another page of the app, clickable and keyboard-reachable */
defineBuiltin({
  tag: 'navigator',
  create: (ctx) => {
    const element = document.createElement('wx-navigator');
    element.setAttribute('role', 'link');
    element.tabIndex = 0;
    let url: string | undefined;
    let openType: OpenType = 'navigate';
    let delta: number | undefined;
    const hover = attachHover(element, { hoverClass: 'navigator-hover', startTime: 50, stayTime: 600 });
    const go = () => ctx.navigate(openType, url, delta);
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
        else return hover(name, value) || name === 'target';
        return true;
      },
    };
  },
});
