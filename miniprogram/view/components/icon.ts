import { stringAttr } from './attr-values';
import { ICON_DEFAULT_SIZE, iconSvg } from './icon-svg';
import { defineBuiltin } from './registry';

/** <icon type size color>: drawn as inline SVG (icon-svg.ts). */
defineBuiltin({
  tag: 'icon',
  create: () => {
    const element = document.createElement('wx-icon');
    let type = '';
    let size: number | string = ICON_DEFAULT_SIZE;
    let color = '';
    const draw = () => {
      element.replaceChildren(iconSvg(document, type, size, color || undefined));
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', type);
    };
    draw();
    return {
      element,
      children: document.createElement('span'),
      set(attr, value) {
        if (attr === 'type') type = stringAttr(value);
        else if (attr === 'size') size = typeof value === 'number' ? value : stringAttr(value, String(ICON_DEFAULT_SIZE));
        else if (attr === 'color') color = stringAttr(value);
        else return false;
        draw();
        return true;
      },
    };
  },
});
