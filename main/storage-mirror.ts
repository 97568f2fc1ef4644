import { STORAGE_MIRROR_ELEMENT_ID, STORAGE_MIRROR_EVENT, STORAGE_MIRROR_SCRIPT_PATH } from '../core/contracts/ipc-channels';

/**
 * The Sync storage APIs (wx.getStorageSync...) must answer before any IPC could, and no synchronous IPC
 * may sit on the launch path, so the host embeds the app's storage in the page it serves, as the browser
 * host embeds its boot data. First in <head>: the data block, then a one-line script of main's own. The
 * parser runs that script before any of the page's scripts; it fires an event on the document, and the
 * preload (listening since before the document was parsed, in its isolated world, which shares the DOM)
 * takes the mirror then. A page that rewrites <head> early therefore still sees its storage.
 *
 * Chosen over the alternatives Electron offers: webPreferences.additionalArguments is fixed per view, not
 * per load (a reload would see the storage of launch time); ipcRenderer.sendSync blocks the page on main;
 * an invoke from the preload answers after the page's first scripts may have run.
 */

/** JSON that cannot end the <script> element early: every "<" becomes \u003c (still the same JSON value). */
export function mirrorScriptTag(mirror: Record<string, unknown>): string {
  const json = JSON.stringify(mirror).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${STORAGE_MIRROR_ELEMENT_ID}">${json}</script><script src="${STORAGE_MIRROR_SCRIPT_PATH}"></script>`;
}

/** The script at STORAGE_MIRROR_SCRIPT_PATH (allowed by the page policy's script-src 'self'). */
export const STORAGE_MIRROR_SCRIPT = `document.dispatchEvent(new Event(${JSON.stringify(STORAGE_MIRROR_EVENT)}));\n`;

/** Inserts the mirror as the first element of <head>; creates the head when the page has none. */
export function injectStorageMirror(html: string, mirror: Record<string, unknown>): string {
  const tag = mirrorScriptTag(mirror);
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return splice(html, head.index + head[0].length, tag);
  const root = /<html(?:\s[^>]*)?>/i.exec(html);
  if (root) return splice(html, root.index + root[0].length, `<head>${tag}</head>`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? splice(html, doctype[0].length, tag) : tag + html;
}

function splice(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}
