import type { CustomScheme } from 'electron';

/**
 * The one custom scheme the desktop shell serves: superapp://<host>/<path>.
 * Each mini program is its own origin (superapp://<appId lowercased>), served only inside its own
 * session partition; the shell UI lives on a host no appId can take (appIds have no dots).
 */
export const APP_SCHEME = 'superapp';
export const SHELL_HOST = 'shell.superapp';
export const SHELL_ORIGIN = `${APP_SCHEME}://${SHELL_HOST}`;
export const SHELL_ENTRY_URL = `${SHELL_ORIGIN}/index.html`;
/** Under the shell's origin, app icons are served from /app-icons/<appId>/<icon path>. */
export const ICON_PREFIX = '/app-icons/';

/**
 * Registered before app ready (Electron requires it); checked against Electron 45's
 * protocol.registerSchemesAsPrivileged and its CustomScheme privileges:
 * - standard: real tuple origins (superapp://<appid>), relative URLs, and web storage at all. It is also
 *   what makes `new Worker('/__wx/runtime/logic.js')` same-origin with the page (a non-standard scheme
 *   gives an opaque origin, and a worker must be same-origin), and what importScripts resolves against.
 * - secure: a secure context like https (crypto.subtle, and workers inherit it).
 * - supportFetchAPI: fetch() of the app's own files, from the page and from its workers.
 * - stream: <video>/<audio> range-read package media.
 * - codeCache: V8 keeps compiled code for the scheme's scripts (the runtime's logic bundle is parsed on
 *   every launch otherwise); V8 checks the source hash, so a changed dev app never runs stale code, and
 *   uninstall clears the partition's cache with it.
 * - corsEnabled stays false: no page may read another origin's files through this scheme. Classic workers
 *   and importScripts fetch same-origin, which needs no CORS.
 * - allowServiceWorkers stays false, on purpose: every HTML page must come from the protocol handler,
 *   which embeds the app's current storage mirror and the host's page policy in it; a service worker could
 *   answer navigations from its cache with a stale mirror and without those headers. Mini programs (WeChat
 *   format) have no service workers either. A registration attempt fails; dedicated Workers are unaffected.
 * - bypassCSP stays false: the page policy (core/catalog/page-policy) applies to every app page.
 */
export const privilegedSchemes: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
      corsEnabled: false,
      allowServiceWorkers: false,
      bypassCSP: false,
    },
  },
];

/** Standard-scheme hosts are case-insensitive, so the URL host of "MyApp" is "myapp". */
export function appHost(appId: string): string {
  return appId.toLowerCase();
}

export function appOrigin(appId: string): string {
  return `${APP_SCHEME}://${appHost(appId)}`;
}

export function appPartition(appId: string): string {
  return `persist:app-${appId}`;
}

/** The URL a view loads for an app's entry page. Each path segment is encoded, so names with spaces work. */
export function appEntryUrl(appId: string, entry: string): string {
  const path = entry.split('/').map(encodeURIComponent).join('/');
  return `${appOrigin(appId)}/${path}`;
}

/** RuntimeOptions.assetUrl: how the shell UI loads an app's icon (served by the shell session only). */
export function shellAssetUrl(appId: string, path: string): string {
  const encoded = path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return `${SHELL_ORIGIN}${ICON_PREFIX}${encodeURIComponent(appId)}/${encoded}`;
}

/** The origin of a URL as the browser computes it for our scheme, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Node treats our scheme as non-special and keeps the host's case; Chromium lowercases it.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host ? `${APP_SCHEME}://${parsed.host.toLowerCase()}` : undefined;
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}
