import { z } from 'zod';
import { TaskId } from './network-task-wire';

/**
 * The network APIs on the wire (wx.request, downloadFile, uploadFile, connectSocket and their tasks).
 * The page never makes these requests: it sends the options here, the host checks them against the app's
 * declared domains and makes the request itself. A task is named by an id the page chooses (unique per
 * view); its progress, headers and socket messages come back as `networkTask` events with that id.
 * Binary data crosses the JSON bridge as base64 in a field of its own (`dataBase64`), never inside `data`,
 * so an app's own `{ base64: … }` object can never be mistaken for bytes.
 */

/** The four lists of WeChat's "server domain" settings, one per kind of API. */
export const NETWORK_KINDS = ['request', 'socket', 'uploadFile', 'downloadFile'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** WeChat's limit of domains per list. */
export const MAX_DOMAINS_PER_KIND = 20;
/** WeChat's default (and documented maximum) timeout of a request, download, upload or socket connect. */
export const DEFAULT_NETWORK_TIMEOUT_MS = 60_000;
/** request, downloadFile and uploadFile: at most this many run at once per app and kind; the rest queue. */
export const MAX_CONCURRENT_TASKS = 10;
/** connectSocket: at most this many open sockets per app (WeChat's limit); one more fails. */
export const MAX_CONCURRENT_SOCKETS = 5;
/** errno WeChat gives "url not in domain list". */
export const ERRNO_URL_NOT_IN_DOMAIN_LIST = 600002;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A loopback host as written in a URL (localhost, 127.x.y.z, [::1]). */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h.endsWith('.localhost');
}

/** The secure scheme of each kind; the plain one is accepted for loopback hosts only. */
export function schemesOf(kind: NetworkKind): { secure: string; plain: string } {
  return kind === 'socket' ? { secure: 'wss:', plain: 'ws:' } : { secure: 'https:', plain: 'http:' };
}

export interface ParsedOrigin {
  /** "https:", "wss:", "http:" or "ws:" */
  protocol: string;
  /** lower-case, punycode, IPv6 in brackets */
  hostname: string;
  /** the port as written; undefined when the URL names none (WeChat tells "https://a.com" from "https://a.com:443") */
  port: string | undefined;
  /** scheme://host:port with the default port filled in, for exact comparisons */
  origin: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'wss:': '443', 'http:': '80', 'ws:': '80' };

/**
 * Splits an absolute URL into what the domain rules compare. undefined when it is not an absolute
 * http(s)/ws(s) URL, or carries user:password (which would hide the real host from a reader).
 */
export function parseOrigin(raw: string): ParsedOrigin | undefined {
  const authority = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(raw);
  if (!authority) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!(url.protocol in DEFAULT_PORTS) || url.username || url.password || authority[2]!.includes('@') || !url.hostname) return undefined;
  // WHATWG URL drops a written default port ("https://a.com:443" -> port ""), WeChat does not: read it raw.
  const written = /:(\d+)$/.exec(authority[2]!.replace(/^\[[^\]]*\]/, ''))?.[1];
  const port = written === undefined ? undefined : String(Number(written));
  const effective = port ?? DEFAULT_PORTS[url.protocol]!;
  return { protocol: url.protocol, hostname: url.hostname.toLowerCase(), port, origin: `${url.protocol}//${url.hostname.toLowerCase()}:${effective}` };
}

/** Why a domain entry of a manifest is not usable, or undefined when it is. */
export function domainEntryProblem(kind: NetworkKind, entry: string): string | undefined {
  const parsed = parseOrigin(entry);
  const { secure, plain } = schemesOf(kind);
  const example = `${secure}//api.example.com`;
  if (!parsed) return `"${entry}" is not a ${secure.slice(0, -1)} origin such as ${example}`;
  if (!/^[a-z]+:\/\/[^/?#]*\/?$/i.test(entry)) return `"${entry}" must be an origin only (no path, query or fragment), e.g. ${example}`;
  if (parsed.protocol === plain) {
    if (!isLoopbackHostname(parsed.hostname)) return `"${entry}": ${kind} domains must use ${secure.slice(0, -1)} (${plain.slice(0, -1)} only for a loopback development server)`;
  } else if (parsed.protocol !== secure) {
    return `"${entry}": ${kind} domains must use ${secure.slice(0, -1)}`;
  }
  if (parsed.hostname.includes('*')) return `"${entry}": wildcards are not supported; list each host`;
  return undefined;
}

const domainList = (kind: NetworkKind) =>
  z
    .array(
      z.string().superRefine((entry, ctx) => {
        const problem = domainEntryProblem(kind, entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    )
    .max(MAX_DOMAINS_PER_KIND, `at most ${MAX_DOMAINS_PER_KIND} ${kind} domains`)
    .optional();

/**
 * The app's server domains, per kind, as WeChat's console keeps them ("开发设置 - 服务器域名").
 * `https://a.com` admits https://a.com/... only (no written port, not even :443); `https://a.com:8080`
 * only that port; a wss domain admits every port. A loopback entry (`http://127.0.0.1`, `ws://localhost`)
 * admits any port of that host, but reaches only origins the developer allowed (developer settings, or
 * the host for the sample backends it runs).
 */
export const ServerDomains = z.strictObject({
  request: domainList('request'),
  socket: domainList('socket'),
  uploadFile: domainList('uploadFile'),
  downloadFile: domainList('downloadFile'),
});
export type ServerDomains = z.infer<typeof ServerDomains>;

const Url = z.string().min(1, 'url is required').max(4096);
const Header = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({});
const Timeout = z.number().int().positive().max(600_000).optional();
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'dataBase64 must be base64');

export const HTTP_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] as const;

export const RequestParams = z.object({
  taskId: TaskId,
  url: Url,
  /** string or JSON value; an ArrayBuffer travels as dataBase64 */
  data: z.unknown().optional(),
  dataBase64: Base64.optional(),
  header: Header,
  timeout: Timeout,
  method: z.preprocess((m) => (typeof m === 'string' ? m.toUpperCase() : m), z.enum(HTTP_METHODS)).default('GET'),
  dataType: z.string().default('json'),
  responseType: z.enum(['text', 'arraybuffer']).default('text'),
});

/** What WeChat calls res.profile; we report the byte counts the inspector shows. */
const Profile = z.object({ sendBytesCount: z.number().int().nonnegative(), receivedBytedCount: z.number().int().nonnegative() }).loose();

export const RequestResult = z.object({
  data: z.unknown(),
  statusCode: z.number().int(),
  header: z.record(z.string(), z.string()).default({}),
  cookies: z.array(z.string()).default([]),
  /** set when data is the base64 of an arraybuffer response; the client turns it back into an ArrayBuffer */
  dataEncoding: z.literal('base64').optional(),
  profile: Profile.optional(),
});

export const DownloadFileParams = z.object({
  taskId: TaskId,
  url: Url,
  header: Header,
  timeout: Timeout,
  filePath: z.string().optional(),
});
export const DownloadFileResult = z.object({ tempFilePath: z.string(), statusCode: z.number().int(), profile: Profile.optional() });

export const UploadFileParams = z.object({
  taskId: TaskId,
  url: Url,
  filePath: z.string().min(1, 'filePath is required'),
  name: z.string().min(1, 'name is required').max(256),
  header: Header,
  formData: z.record(z.string(), z.unknown()).default({}),
  timeout: Timeout,
});
export const UploadFileResult = z.object({ data: z.string(), statusCode: z.number().int(), profile: Profile.optional() });

export const ConnectSocketParams = z.object({
  taskId: TaskId,
  url: Url,
  header: Header,
  protocols: z.array(z.string().min(1).max(128)).max(16).optional(),
  tcpNoDelay: z.boolean().default(false),
  perMessageDeflate: z.boolean().default(false),
  timeout: Timeout,
});

export const SendSocketMessageParams = z
  .object({ taskId: TaskId, data: z.string().optional(), dataBase64: Base64.optional() })
  .refine((p) => (p.data === undefined) !== (p.dataBase64 === undefined), { message: 'data must be a string or an ArrayBuffer', path: ['data'] });

export const CloseSocketParams = z.object({
  taskId: TaskId,
  code: z
    .number()
    .int()
    .refine((c) => c === 1000 || (c >= 3000 && c <= 4999), 'code must be 1000 or between 3000 and 4999')
    .optional(),
  reason: z
    .string()
    .refine((r) => new TextEncoder().encode(r).length <= 123, 'reason is at most 123 bytes of UTF-8')
    .optional(),
});

export const AbortNetworkTaskParams = z.object({ taskId: TaskId });

// The names and the task event are what the wx client needs at run time: they live in a zod/mini module.
export { NETWORK_API_NAMES, NetworkTaskEvent, TASK_API_NAMES, type NetworkApiName, type TaskApiName } from './network-task-wire';
