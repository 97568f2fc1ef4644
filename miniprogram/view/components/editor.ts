import { stringAttr } from './attr-values';
import { registerEditor } from './editor-calls';
import type { EditorEngine } from './editor-engine-api';
import { EditorImageTools } from './editor-image-tools';
import { loadEditorEngine } from './editor-loader';
import { defineBuiltin, truthy } from './registry';

/**
 * <editor>: WeChat's rich-text editor, on Quill as WeChat's is. Quill comes from its own bundle, loaded on
 * the first <editor> (editor-loader.ts); until then the element keeps its size. Events carry WeChat's detail:
 * ready {}, focus / blur / input {html, text, delta}, statuschange with the formats at the selection.
 * The EditorContext methods arrive as `__editor` view calls (editor-calls.ts).
 */
defineBuiltin({
  tag: 'editor',
  create: (ctx) => {
    const element = document.createElement('wx-editor');
    const container = document.createElement('div');
    element.append(container);
    let placeholder = '';
    let readOnly = false;
    let engine: EditorEngine | undefined;
    let lastStatus = '';
    const images = new EditorImageTools(element);

    const statusChanged = (always: boolean) => {
      if (!engine) return;
      const formats = engine.formats();
      const key = JSON.stringify(formats);
      // a context method always reports; a moving cursor only when the formats under it differ (toolbars follow it)
      if (!always && key === lastStatus) return;
      lastStatus = key;
      ctx.emit('statuschange', formats);
    };

    const started = loadEditorEngine(document).then((factory) => {
      engine = factory.create(
        container,
        { placeholder, readOnly },
        {
          change: () => ctx.emit('input', engine!.contents()),
          selection: () => statusChanged(false),
          focus: () => ctx.emit('focus', engine!.contents()),
          blur: () => ctx.emit('blur', engine!.contents()),
        },
      );
      images.attach(container);
      ctx.emit('ready', {});
      return engine;
    });
    started.catch((e: unknown) => console.error('editor: Quill did not load', e));

    registerEditor(element, {
      engine: () => started,
      resolveUrl: (path) => ctx.resolveUrl(path),
      formatsChanged: () => statusChanged(true),
    });

    const set = (name: string, value: unknown): boolean => {
        switch (name) {
          case 'placeholder':
            placeholder = stringAttr(value);
            element.setAttribute('aria-label', placeholder);
            engine?.setPlaceholder(placeholder);
            return true;
          case 'read-only':
            readOnly = truthy(value);
            element.toggleAttribute('data-read-only', readOnly);
            engine?.setReadOnly(readOnly);
            return true;
          case 'show-img-size':
            images.setOption('size', truthy(value));
            return true;
          case 'show-img-toolbar':
            images.setOption('toolbar', truthy(value));
            return true;
          case 'show-img-resize':
            images.setOption('resize', truthy(value));
            return true;
          default:
            return false;
        }
    };
    return { element, set, remove: (name) => set(name, name === 'placeholder' ? '' : false) };
  },
});
