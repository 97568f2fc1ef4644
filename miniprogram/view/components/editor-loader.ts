import { EDITOR_ENGINE_GLOBAL, type EditorEngineFactory } from './editor-engine-api';
import { RUNTIME_VERSION_QUERY } from '../runtime-version-query';

/**
 * the editor bundle (Quill), served with the runtime's other files (core/wechat/serve-paths.ts), asked for
 * with the runtime's build like logic.js, so the browser keeps it for good once a page has shown an editor.
 */
const EDITOR_BUNDLE_URL = `/__wx/runtime/editor.js${RUNTIME_VERSION_QUERY}`;

let loading: Promise<EditorEngineFactory> | undefined;

/**
 * Quill, loaded on the first <editor> a page shows (a <script> of the runtime's own origin, which the page
 * policy allows) and shared by every later one. A failed load is forgotten, so the next <editor> tries again.
 */
export function loadEditorEngine(doc: Document): Promise<EditorEngineFactory> {
  const ready = (doc.defaultView as unknown as Record<string, unknown> | null)?.[EDITOR_ENGINE_GLOBAL] as EditorEngineFactory | undefined;
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<EditorEngineFactory>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = EDITOR_BUNDLE_URL;
    script.async = true;
    script.addEventListener('load', () => {
      const factory = (doc.defaultView as unknown as Record<string, unknown> | null)?.[EDITOR_ENGINE_GLOBAL] as EditorEngineFactory | undefined;
      if (factory) resolve(factory);
      else reject(new Error(`${EDITOR_BUNDLE_URL} ran but did not set up the editor`));
    });
    script.addEventListener('error', () => reject(new Error(`${EDITOR_BUNDLE_URL} could not be loaded`)));
    doc.head.append(script);
  }).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
