import { stringAttr } from './attr-values';
import { defineBuiltin, truthy } from './registry';
import { displayedText } from './text-content';

/**
 * <text>: inline text; `user-select`/`selectable` allow selecting it (off by default, as on WeChat); `space`
 * (ensp/emsp/nbsp) and `decode` change what its own text shows. The page's text nodes arrive and change
 * through the render operations, so an observer rewrites each direct text child and remembers what the page
 * wrote, to redo it when `space` or `decode` change. A nested <text> applies its own settings.
 */
defineBuiltin({
  tag: 'text',
  create: () => {
    const element = document.createElement('wx-text');
    let space = '';
    let decode = false;
    /** per text child: what the page wrote, and what we show for it */
    const written = new WeakMap<Text, { raw: string; shown: string }>();
    const render = (node: Text) => {
      const known = written.get(node);
      const raw = known && known.shown === node.data ? known.raw : node.data;
      const shown = displayedText(raw, space, decode);
      written.set(node, { raw, shown });
      if (node.data !== shown) node.data = shown;
    };
    const renderAll = () => element.childNodes.forEach((n) => n instanceof Text && render(n));
    // only needed once a setting changes what is shown; plain text costs nothing
    let observer: MutationObserver | undefined;
    const settingsChanged = () => {
      if (!observer && (space || decode)) {
        observer = new MutationObserver((records) => {
          for (const r of records) {
            if (r.target instanceof Text && r.target.parentNode === element) render(r.target);
            r.addedNodes.forEach((n) => n instanceof Text && n.parentNode === element && render(n));
          }
        });
        observer.observe(element, { childList: true, characterData: true, subtree: true });
      }
      renderAll();
    };
    let userSelect = false;
    let selectable = false;
    return {
      element,
      set(name, value) {
        switch (name) {
          // both make it selectable; user-select (the newer one) also makes it an inline-block, as WeChat documents
          case 'user-select':
            userSelect = truthy(value);
            element.classList.toggle('wx-selectable', userSelect || selectable);
            element.classList.toggle('wx-user-select', userSelect);
            return true;
          case 'selectable':
            selectable = truthy(value);
            element.classList.toggle('wx-selectable', userSelect || selectable);
            return true;
          case 'space':
            space = stringAttr(value);
            settingsChanged();
            return true;
          case 'decode':
            decode = truthy(value);
            settingsChanged();
            return true;
          default:
            return false;
        }
      },
    };
  },
});
