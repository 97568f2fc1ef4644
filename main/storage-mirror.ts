import { STORAGE_MIRROR_ELEMENT_ID } from '../core/contracts/ipc-channels';

/**
 * The Sync storage APIs (wx.getStorageSync...) must answer before any IPC could, so the host
 * embeds the app's storage in the page it serves. The element is the first thing in <head>, so it
 * exists before any page script runs; the preload reads it lazily through the shared DOM.
 */

/** JSON that cannot end the <script> element early: every "<" becomes \u003c (still the same JSON value). */
export function mirrorScriptTag(mirror: Record<string, unknown>): string {
  const json = JSON.stringify(mirror).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${STORAGE_MIRROR_ELEMENT_ID}">${json}</script>`;
}

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
