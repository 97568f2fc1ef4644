/**
 * "?v=<build>" when this view.js was asked for with the runtime's build in its URL (the browser host's view
 * page does), else "". The runtime's other files (logic.js, editor.js) are asked for with the same one, which
 * the host serves as cacheable for good (web/runtime-version.ts). Read once, while view.js runs: afterwards
 * `document.currentScript` no longer names it.
 */
export const RUNTIME_VERSION_QUERY: string = (() => {
  const src = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';
  const version = src ? new URL(src).searchParams.get('v') : null;
  return version ? `?v=${encodeURIComponent(version)}` : '';
})();
