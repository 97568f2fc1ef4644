import type { Session, WebContents } from 'electron';
import { originOf } from './app-scheme';
import type { Logger } from './logger';

/**
 * What a page inside the desktop shell may do on its own: open no windows, embed no <webview>,
 * navigate only inside its own origin, download nothing, and get no permission (camera,
 * geolocation, notifications...) unless the shell grants it. Applied to every view and session.
 */

type PolicyWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Navigation and redirects of the main frame stay on `allowed` URLs; anything else is cancelled and logged. */
export function lockNavigation(webContents: PolicyWebContents, allowed: (url: string) => boolean, log: Logger, who: string): void {
  const guard = (kind: string) => (event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => {
    // will-redirect also fires for subframes; only the top document decides what the view shows
    if (event.isMainFrame === false) return;
    if (allowed(event.url)) return;
    event.preventDefault();
    log.warn(`${who}: blocked ${kind} to ${event.url}`);
  };
  webContents.on('will-navigate', guard('navigation'));
  webContents.on('will-redirect', guard('redirect'));
}

/** window.open, target=_blank and <webview> are refused for every view. */
export function refusePopupsAndWebviews(webContents: PolicyWebContents, log: Logger, who: string): void {
  webContents.setWindowOpenHandler(({ url }) => {
    log.warn(`${who}: refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn(`${who}: refused a <webview>`);
  });
}

export function applyAppViewPolicies(webContents: PolicyWebContents, origin: string, log: Logger, who: string): void {
  refusePopupsAndWebviews(webContents, log, who);
  lockNavigation(webContents, (url) => originOf(url) === origin, log, who);
}

/** The shell UI is one page: it may reload itself or change its #hash, never leave its file. */
export function applyShellViewPolicies(webContents: PolicyWebContents, entryUrl: string, log: Logger): void {
  refusePopupsAndWebviews(webContents, log, 'shell');
  const entry = withoutHash(entryUrl);
  lockNavigation(webContents, (url) => withoutHash(url) === entry, log, 'shell');
}

function withoutHash(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/**
 * Permissions the shell could ever hand out to a mini program. Anything not listed is refused even
 * when asked for, so a bug in the grant logic cannot open the camera or the file system.
 */
export const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export interface PermissionRules {
  /** the only origin allowed to hold a permission in this session (undefined: none) */
  origin: string | undefined;
  /** the shell's decision for a grantable permission; default deny */
  granted?: (permission: string) => boolean;
}

/** Pure: should this permission be allowed for this origin? */
export function permissionAllowed(permission: string, requestingOrigin: string | undefined, rules: PermissionRules): boolean {
  if (!rules.origin || !requestingOrigin) return false;
  if (originOf(requestingOrigin) !== rules.origin) return false;
  if (!GRANTABLE_PERMISSIONS.has(permission)) return false;
  return rules.granted?.(permission) ?? false;
}

type PolicySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'>;

/** Deny-by-default permission handlers (both the request and the check path) and no downloads. */
export function applySessionPolicies(session: PolicySession, rules: PermissionRules, log: Logger, who: string): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const origin = details.requestingUrl || webContents.getURL();
    const allowed = permissionAllowed(permission, origin, rules);
    if (!allowed) log.warn(`${who}: denied permission "${permission}" to ${origin}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, rules));
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log.warn(`${who}: cancelled a download of ${item.getURL()}`);
  });
}
