import { defineBuiltin, truthy } from './registry';

/** <text>: inline text; `user-select`/`selectable` allow selecting it, as on WeChat (off by default) */
defineBuiltin({
  tag: 'text',
  create: () => {
    const element = document.createElement('wx-text');
    return {
      element,
      set(name, value) {
        if (name === 'user-select' || name === 'selectable') {
          element.classList.toggle('wx-selectable', truthy(value));
          return true;
        }
        if (name === 'space' || name === 'decode') return true;
        return false;
      },
    };
  },
});
