import { lengthCss, numberAttr, stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';

/** WeChat's defaults: stroke-width 6px, border-radius 0, font-size 16px, 30 ms per percent when active. */
const DEFAULT_STROKE = 6;
const DEFAULT_FONT_SIZE = 16;
const DEFAULT_MS_PER_PERCENT = 30;

/**
 * <progress>: percent (0-100), show-info, stroke-width, border-radius, font-size (px, or "…rpx" / "…px"
 * strings since base library 2.4.0), activeColor / backgroundColor (color is the old name), active (the bar
 * grows to its value: from 0, or from where it was with active-mode="forwards"), duration per percent,
 * activeend {curPercent} when it gets there.
 */
defineBuiltin({
  tag: 'progress',
  create: (ctx) => {
    const element = document.createElement('wx-progress');
    const bar = document.createElement('span');
    bar.className = 'wx-progress-bar';
    const fill = document.createElement('span');
    fill.className = 'wx-progress-fill';
    const info = document.createElement('span');
    info.className = 'wx-progress-info';
    info.hidden = true;
    bar.append(fill);
    element.append(bar, info);
    element.setAttribute('role', 'progressbar');
    element.setAttribute('aria-valuemin', '0');
    element.setAttribute('aria-valuemax', '100');
    let percent = 0;
    let active = false;
    let forwards = false;
    let msPerPercent = DEFAULT_MS_PER_PERCENT;
    let shown = 0;
    const draw = () => {
      const from = active && !forwards ? 0 : shown;
      const span = Math.abs(percent - from);
      if (active) {
        fill.style.transition = 'none';
        fill.style.width = `${from}%`;
        void fill.offsetWidth; // start the transition from `from`
        fill.style.transition = `width ${span * msPerPercent}ms linear`;
        if (span === 0) ctx.emit('activeend', { curPercent: percent });
      } else {
        fill.style.transition = 'none';
      }
      fill.style.width = `${percent}%`;
      shown = percent;
      info.textContent = `${percent}%`;
      element.setAttribute('aria-valuenow', String(percent));
    };
    fill.addEventListener('transitionend', () => {
      if (active) ctx.emit('activeend', { curPercent: percent });
    });
    let pending = false;
    /** attributes of one render batch are applied together, then the bar is drawn once */
    const drawSoon = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        draw();
      });
    };
    element.style.setProperty('--wx-progress-stroke', `${DEFAULT_STROKE}px`);
    return {
      element,
      children: document.createElement('span'),
      set(attr, value) {
        switch (attr) {
          case 'percent':
            percent = Math.min(100, Math.max(0, numberAttr(value, 0)));
            drawSoon();
            return true;
          case 'show-info':
            info.hidden = !truthy(value);
            return true;
          case 'stroke-width':
            element.style.setProperty('--wx-progress-stroke', lengthCss(value, DEFAULT_STROKE));
            return true;
          case 'border-radius':
            element.style.setProperty('--wx-progress-radius', lengthCss(value, 0));
            return true;
          case 'font-size':
            info.style.fontSize = lengthCss(value, DEFAULT_FONT_SIZE);
            return true;
          case 'color':
          case 'activeColor':
          case 'active-color':
            element.style.setProperty('--wx-progress-active', stringAttr(value));
            return true;
          case 'backgroundColor':
          case 'background-color':
            element.style.setProperty('--wx-progress-background', stringAttr(value));
            return true;
          case 'active':
            active = truthy(value);
            drawSoon();
            return true;
          case 'active-mode':
            forwards = value === 'forwards';
            return true;
          case 'duration':
            msPerPercent = numberAttr(value, DEFAULT_MS_PER_PERCENT);
            return true;
          default:
            return false;
        }
      },
    };
  },
});
