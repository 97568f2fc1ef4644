import { ApiError, Errno } from '../contracts/errors';
import type { AppInfo } from '../contracts/app';

/**
 * WeChat's rules for what wx.request sends: how `data` becomes a query or a body, which headers the
 * page may not set, and the Referer that names the app.
 */

/** Headers the host sets itself (or the connection owns); the page's values for them are dropped, as in WeChat. */
const HOST_OWNED = new Set([
  'referer',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-authorization',
  'proxy-connection',
  // WebSocket handshake headers belong to the socket library
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Our Referer, in WeChat's shape (https://servicewechat.com/{appid}/{version}/page-frame.html) under a
 * name of our own: `.invalid` can never be a real site, and a server that reads the appid and version
 * from the path as it does for WeChat finds them in the same places. Development apps say version 0, as
 * WeChat's development builds do.
 */
export function refererOf(app: AppInfo, dev: boolean): string {
  return `https://servicewechat.superapp.invalid/${encodeURIComponent(app.appId)}/${dev ? '0' : encodeURIComponent(app.version)}/page-frame.html`;
}

/** The page's headers minus the host-owned ones; a name or value HTTP cannot carry is a parameter error. */
export function pageHeaders(api: string, header: Record<string, string | number | boolean>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header)) {
    const value = String(raw);
    if (!TOKEN.test(name)) throw new ApiError(`parameter error: header name "${name}" is not a valid HTTP header name`, { errno: Errno.parameterError });
    if (/[\r\n\0]/.test(value)) throw new ApiError(`parameter error: header "${name}" has a line break or NUL in its value`, { errno: Errno.parameterError });
    if (HOST_OWNED.has(name.toLowerCase()) || name.toLowerCase().startsWith('proxy-')) continue;
    out[name] = value;
  }
  return out;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** encodeURIComponent(k)=encodeURIComponent(v)&…, WeChat's rule for objects (nested values as JSON). */
export function toQueryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

/**
 * GET: an object becomes the query string (a string is appended as it is). Other methods: a string or
 * bytes as they are; an object as JSON, or as a query string when content-type is
 * application/x-www-form-urlencoded.
 */
export function encodeData(method: string, url: URL, contentType: string, data: unknown, bytes: Buffer | undefined): { url: URL; body?: Buffer } {
  if (bytes !== undefined) return { url, body: bytes };
  if (data === undefined || data === null) return { url };
  if (method === 'GET') {
    const query = typeof data === 'string' ? data : typeof data === 'object' && !Array.isArray(data) ? toQueryString(data as Record<string, unknown>) : String(data);
    if (!query) return { url };
    const next = new URL(url.href);
    next.search = next.search ? `${next.search.slice(1)}&${query}` : query;
    return { url: next };
  }
  if (typeof data === 'string') return { url, body: Buffer.from(data, 'utf8') };
  if (/application\/x-www-form-urlencoded/i.test(contentType) && typeof data === 'object' && !Array.isArray(data)) {
    return { url, body: Buffer.from(toQueryString(data as Record<string, unknown>), 'utf8') };
  }
  return { url, body: Buffer.from(JSON.stringify(data), 'utf8') };
}

/** dataType json: JSON.parse once, keeping the text when it is not JSON (as WeChat does); a BOM is dropped. */
export function decodeText(body: Buffer, dataType: string): unknown {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (dataType !== 'json') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
