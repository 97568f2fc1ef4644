import { BOOT_ELEMENT_ID, WX_SCRIPT_PATH, type BootConfig } from '../client/transports/boot-config';
import { WX_VERSION_PARAM } from './wx-script';

/**
 * Everything that may come before the first page script without running anything: a BOM, comments,
 * the doctype and the <html>/<head> start tags. The boot block goes right after them, so it is in place
 * before whatever script the page has, inline or not.
 */
const PREAMBLE = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<html\b[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<head\b[^>]*>)?/i;

/** JSON that cannot end its <script> element early: "<" never appears literally. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The markup the host adds: a JSON data block (not executed, so CSP needs no inline exemption) and wx.js.
 * `wxVersion` names the build of wx.js (web/wx-script.ts): a URL that changes with every build lets the
 * browser keep the script instead of asking the host again on every launch.
 */
export function bootMarkup(config: BootConfig, wxVersion?: string): string {
  const src = wxVersion === undefined ? WX_SCRIPT_PATH : `${WX_SCRIPT_PATH}?${WX_VERSION_PARAM}=${encodeURIComponent(wxVersion)}`;
  return `<script type="application/json" id="${BOOT_ELEMENT_ID}">${scriptSafeJson(config)}</script>` + `<script src="${src}"></script>`;
}

export function injectBoot(html: string, config: BootConfig, wxVersion?: string): string {
  const preamble = PREAMBLE.exec(html)?.[0] ?? '';
  return preamble + bootMarkup(config, wxVersion) + html.slice(preamble.length);
}
