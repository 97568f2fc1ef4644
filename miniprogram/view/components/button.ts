import { defineBuiltin, truthy } from './registry';

/**
 * <button>: type default/primary/warn, size default/mini, plain, disabled, loading. A desktop control:
 * focusable, Enter and Space press it, focus ring from view.css. A disabled button sends no tap.
 * (open-type and form-type belong to the components that implement them.)
 */
defineBuiltin({
  tag: 'button',
  create: (ctx) => {
    const element = document.createElement('wx-button');
    element.setAttribute('role', 'button');
    element.tabIndex = 0;
    element.dataset['type'] = 'default';
    element.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      if (element.hasAttribute('data-wx-disabled')) return;
      const rect = element.getBoundingClientRect();
      ctx.emit('tap', { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }, { bubbles: true });
    });
    return {
      element,
      set(name, value) {
        switch (name) {
          case 'type':
            element.dataset['type'] = value === 'primary' || value === 'warn' ? value : 'default';
            return true;
          case 'size':
            element.dataset['size'] = value === 'mini' ? 'mini' : 'default';
            return true;
          case 'plain':
            element.toggleAttribute('data-plain', truthy(value));
            return true;
          case 'loading':
            element.toggleAttribute('data-loading', truthy(value));
            return true;
          case 'disabled':
            element.toggleAttribute('data-wx-disabled', truthy(value));
            element.setAttribute('aria-disabled', String(truthy(value)));
            element.tabIndex = truthy(value) ? -1 : 0;
            return true;
          case 'hover-class':
          case 'hover-stay-time':
          case 'hover-start-time':
          case 'form-type':
          case 'open-type':
            return true;
          default:
            return false;
        }
      },
    };
  },
});
