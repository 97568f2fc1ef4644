/**
 * Which pages a <web-view> may show. WeChat loads only the business domains the developer configured, all https.
 * This shell has no business-domain list yet; its closest notion is what the app page policy already lets a page
 * take from the web (images, media, fonts: any https server) and what a dev app may reach with wx.request on this
 * machine (loopback servers the developer allowed). So: any https page, or an http page on a loopback host. The
 * host's page policy (core/catalog/page-policy.ts, frame-src) is the authority on which loopback origins: an http
 * one the app was not allowed is blocked by the browser, and web-view.ts turns that block into binderror.
 *
 * Never the app's own origin (nor another app's <app>.localhost origin): a sandboxed frame that keeps
 * allow-same-origin and shares the app's origin could reach into the app page and lift its own sandbox.
 */

export type WebViewSrc = { ok: true; href: string; origin: string } | { ok: false; fullUrl: string };

/** host names that mean this machine (as in core/contracts/network.ts, without its zod: the view bundle stays small) */
function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Judges a `src` for a page whose own origin is `appOrigin`. */
export function judgeWebViewSrc(src: string, appOrigin: string): WebViewSrc {
  let url: URL;
  try {
    // absolute URLs only: a package path is not a web page in WeChat either
    url = new URL(src);
  } catch {
    return { ok: false, fullUrl: src };
  }
  const refused = { ok: false as const, fullUrl: url.href };
  if (url.username || url.password) return refused;
  if (url.origin === appOrigin || url.hostname.toLowerCase().endsWith('.localhost')) return refused;
  if (url.protocol === 'https:') return { ok: true, href: url.href, origin: url.origin };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { ok: true, href: url.href, origin: url.origin };
  return refused;
}
