import { sanitizeRichText, type RichTextSpace } from './rich-text';
import { defineBuiltin, truthy } from './registry';

/**
 * <rich-text nodes space user-select>: the nodes go through the sanitiser (rich-text.ts); what it refused
 * is reported to the developer's console, never shown. Classes in the nodes use the page's style scope.
 */
defineBuiltin({
  tag: 'rich-text',
  create: () => {
    const element = document.createElement('wx-rich-text');
    let nodes: unknown = [];
    let space: RichTextSpace | '' = '';
    // the page's style scope, sent by the logic layer just before `nodes` (composed-backend.ts)
    let prefix = '';
    const render = () => {
      const { fragment, dropped } = sanitizeRichText(document, nodes, { space, mapClass: (c) => (prefix ? `${prefix}--${c}` : c) });
      element.replaceChildren(fragment);
      if (dropped.length) console.warn(`rich-text: left out what is not allowed: ${[...new Set(dropped)].join(', ')}`);
    };
    return {
      element,
      children: document.createElement('span'),
      set(attr, value) {
        if (attr === 'nodes') {
          nodes = value;
          render();
          return true;
        }
        if (attr === 'wx-class-prefix') {
          prefix = typeof value === 'string' ? value : '';
          return true;
        }
        if (attr === 'space') {
          space = value === 'ensp' || value === 'emsp' || value === 'nbsp' ? value : '';
          render();
          return true;
        }
        if (attr === 'user-select') {
          element.classList.toggle('wx-selectable', truthy(value));
          return true;
        }
        return false;
      },
    };
  },
});
