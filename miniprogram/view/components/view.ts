import { attachHover } from './hover';
import { defineBuiltin } from './registry';

/** <view>: a block container; hover-class (none by default), the rest is view.css and the generic attribute rules */
defineBuiltin({
  tag: 'view',
  create: () => {
    const element = document.createElement('wx-view');
    const hover = attachHover(element, { hoverClass: 'none', startTime: 50, stayTime: 400 });
    return { element, set: hover };
  },
});
