/**
 * The page policy every host puts on a mini program's HTML, so a page that runs in the simulator runs the
 * same way in the desktop app: scripts only from the package (the host's boot data is a data block, not
 * an inline script), no plugins, talk only to itself. Hosts add what differs: how the page reaches the
 * bridge and its backend (connect-src) and who may frame it.
 */
export function miniProgramCsp(host: { connect: string[]; frameAncestors: string; webViewOrigins?: readonly string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // the WeChat-format runtime's logic layer is a dedicated Worker from the app's own origin
    // (/__wx/runtime/logic.js, which importScripts the package's logic), and wx.createWorker's thread nested in it
    // (/__wx/runtime/worker.js, which importScripts /__wx/app/workers.js); no blob: or data: workers
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    // wx.loadFontFace: remote fonts are https in WeChat, like images
    "font-src 'self' data: https:",
    // <video src="https://…">: remote media is the normal case in WeChat, like images
    "media-src 'self' data: blob: https:",
    `connect-src ${["'self'", ...host.connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // <web-view src>: https pages (WeChat's business domains are https), plus the loopback development servers
    // a dev app may reach with wx.request (webViewLoopbackOrigins); never plain http elsewhere
    `frame-src ${["'self'", 'https:', ...(host.webViewOrigins ?? [])].join(' ')}`,
    `frame-ancestors ${host.frameAncestors}`,
  ].join('; ');
}

/** Browser permissions a mini program never gets from the page itself; the shell grants none of them. */
export const MINI_PROGRAM_PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()';

/**
 * The loopback origins a <web-view> may show: of the origins an app may reach with wx.request although they are on
 * loopback (core/network/loopback-origins.ts), the http(s) ones that are neither a host page (an app's own or
 * another app's <app>.localhost origin) nor one of the shell's ports. Framing its own origin would let a page
 * lift its frame's sandbox; another port of the shell is the shell.
 */
export function webViewLoopbackOrigins(allowed: Iterable<string>, hostPorts: ReadonlySet<number>): string[] {
  const origins: string[] = [];
  for (const origin of allowed) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (url.hostname.toLowerCase().endsWith('.localhost')) continue;
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (hostPorts.has(port)) continue;
    origins.push(url.origin);
  }
  return origins;
}
