import { WX_APP_PREFIX, WX_RUNTIME_PREFIX } from './serve-paths';
import { APP_BUILD_META, appBuildQuery } from '../contracts/wechat-view-page';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where the view page shows a dev app's compile error (docs/wechat-format.md section 3). */
export const COMPILE_ERROR_ELEMENT_ID = 'wx-compile-error';

/**
 * The page a WeChat-format app's view loads at "/": the runtime's stylesheet, the app's compiled
 * stylesheet and the view runtime, which starts the logic Worker. Hosts add what they add to every
 * mini program page (the browser host its boot block and wx client first in <head>, Electron the
 * storage mirror). While a dev app's last save does not compile, its error is shown above the page
 * (no script: the text is escaped HTML) and the previous build keeps running below it.
 */
export function wechatViewPage(options: { title: string; compileError?: string; runtimeVersion?: string; appBuild?: string }): string {
  // the runtime's build, when the host serves it cacheable by version (view.js passes it on to logic.js)
  const v = options.runtimeVersion ? `?v=${encodeURIComponent(options.runtimeVersion)}` : '';
  const error = options.compileError
    ? `<pre id="${COMPILE_ERROR_ELEMENT_ID}" role="alert" style="position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:60vh;overflow:auto;margin:0;padding:12px 16px;` +
      `background:#2b0b0b;color:#ffd7d7;font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;border-bottom:2px solid #e5484d">` +
      `${escapeHtml(options.compileError)}</pre>`
    : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(options.title)}</title>` +
    // the app's compiled build: the view's initial rendering cache is kept per build (miniprogram/view/rendering-cache.ts)
    (options.appBuild ? `<meta name="${APP_BUILD_META}" content="${escapeHtml(options.appBuild)}">` : '') +
    `<link rel="stylesheet" href="${WX_RUNTIME_PREFIX}view.css${v}">` +
    `<link rel="stylesheet" href="${WX_APP_PREFIX}app.css${appBuildQuery(options.appBuild)}">` +
    `</head><body>${error}<script src="${WX_RUNTIME_PREFIX}view.js${v}"></script></body></html>`
  );
}
