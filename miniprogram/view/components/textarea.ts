import { pxPerRpx } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { textField } from './text-field';

/**
 * <textarea>: auto-height grows with the text; linechange {height, heightRpx, lineCount} whenever the
 * number of lines changes; Enter makes a new line (WeChat's default confirm-type "return"). Unlike input's, what
 * the bindinput handler returns does not change the text (as WeChat documents); `value` from the page does.
 */
defineBuiltin({
  tag: 'textarea',
  create: (ctx) => {
    const area = document.createElement('textarea');
    area.rows = 1;
    let autoHeight = false;
    let lines = 1;
    const { instance } = textField(ctx, 'wx-textarea', area, (name, value) => {
      if (name === 'auto-height') {
        autoHeight = truthy(value);
        instance.element.toggleAttribute('data-auto-height', autoHeight);
        measure();
        return true;
      }
      return ['confirm-type', 'confirm-hold', 'show-confirm-bar', 'fixed', 'cursor', 'selection-start', 'selection-end', 'adjust-position', 'hold-keyboard', 'disable-default-padding', 'cursor-spacing'].includes(name);
    });
    const measure = () => {
      if (!area.isConnected) return;
      if (autoHeight) {
        area.style.height = 'auto';
        area.style.height = `${area.scrollHeight}px`;
      }
      const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
      const count = Math.max(1, Math.round((area.scrollHeight - paddingOf(area)) / lineHeight));
      if (count !== lines) {
        lines = count;
        const height = count * lineHeight;
        ctx.emit('linechange', { height, heightRpx: Math.round(height / pxPerRpx()), lineCount: count });
      }
    };
    area.addEventListener('input', measure);
    return instance;
  },
});

function paddingOf(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return (parseFloat(s.paddingTop) || 0) + (parseFloat(s.paddingBottom) || 0);
}
