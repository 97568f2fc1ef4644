import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { NetworkKind, ServerDomains } from '../contracts/network';
import type { AddressRules } from './address-policy';
import { checkTarget } from './domain-policy';
import { checkLiteral, guardedLookup, type Resolver } from './guarded-lookup';

/**
 * One HTTP(S) exchange made for a mini program, through Node's http/https with the guarded lookup, and
 * the redirects it leads to: every hop is judged again, domain list and resolved address alike, so a
 * declared server cannot redirect the host into the LAN.
 */

export const MAX_REDIRECTS = 10;

export interface ExchangeContext {
  kind: NetworkKind;
  domains: ServerDomains | undefined;
  rules: AddressRules;
  resolver: Resolver;
  /** extra trusted CAs (tests' self-signed certificates); the system's otherwise */
  ca?: string[];
  signal: AbortSignal;
}

export type RequestBody = { kind: 'buffer'; bytes: Buffer } | { kind: 'stream'; open: () => Readable; length?: number };

export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body?: RequestBody;
  /** bytes of the body written so far, for upload progress */
  onBodyProgress?: (sent: number) => void;
  followRedirects: boolean;
}

/** A refusal of the domain rules met on a redirect, with the app's errMsg reason. */
export class PolicyRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PolicyRefused';
  }
}

function bodyStream(body: RequestBody, onProgress?: (sent: number) => void): Readable {
  const source = body.kind === 'buffer' ? Readable.from(chunks(body.bytes)) : body.open();
  if (!onProgress) return source;
  let sent = 0;
  return source.map((chunk: Buffer) => {
    sent += chunk.length;
    onProgress(sent);
    return chunk;
  });
}

function* chunks(bytes: Buffer): Generator<Buffer> {
  const size = 64 * 1024;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function sendOnce(request: OutgoingRequest, ctx: ExchangeContext): Promise<IncomingMessage> {
  const { url } = request;
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const origin = `${url.protocol}//${url.hostname}:${port}`;
  checkLiteral(url.hostname, port, origin, ctx.rules);
  const length = request.body?.kind === 'buffer' ? request.body.bytes.length : request.body?.length;
  const headers = { ...request.headers, ...(length !== undefined ? { 'Content-Length': String(length) } : {}) };
  return new Promise((resolve, reject) => {
    const options = {
      method: request.method,
      headers,
      agent: false as const,
      lookup: guardedLookup(ctx.resolver, port, origin, ctx.rules),
      signal: ctx.signal,
      ...(secure && ctx.ca ? { ca: ctx.ca } : {}),
    };
    const req = secure ? https.request(url, options) : http.request(url, options);
    req.once('response', resolve);
    req.once('error', reject);
    if (!request.body) {
      req.end();
      return;
    }
    const stream = bodyStream(request.body, request.onBodyProgress);
    stream.once('error', (e) => req.destroy(e));
    stream.pipe(req);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Sends the request, following redirects (re-checked) when asked; resolves with the final response. */
export async function exchange(request: OutgoingRequest, ctx: ExchangeContext): Promise<{ response: IncomingMessage; url: URL }> {
  let current = request;
  for (let hop = 0; ; hop++) {
    const response = await sendOnce(current, ctx);
    const location = response.headers.location;
    if (!current.followRedirects || !REDIRECTS.has(response.statusCode ?? 0) || !location) return { response, url: current.url };
    response.resume();
    if (hop >= MAX_REDIRECTS) throw new PolicyRefused('too many redirects');
    const next = new URL(location, current.url);
    const verdict = checkTarget(ctx.kind, next.href, ctx.domains, ctx.rules.allowedOrigins);
    if (!verdict.ok) throw new PolicyRefused(verdict.reason);
    const status = response.statusCode!;
    const becomesGet = status === 303 || ((status === 301 || status === 302) && current.method === 'POST');
    const headers = { ...current.headers };
    if (becomesGet) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
    current = {
      ...current,
      url: verdict.url,
      headers,
      method: becomesGet ? 'GET' : current.method,
      ...(becomesGet ? { body: undefined } : {}),
    };
  }
}

/** The response headers as the server wrote them (names keep their case), and its Set-Cookie lines. */
export function responseHeaders(response: IncomingMessage): { header: Record<string, string>; cookies: string[] } {
  const header: Record<string, string> = {};
  const seen = new Map<string, string>();
  const cookies: string[] = [];
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    if (name.toLowerCase() === 'set-cookie') cookies.push(value);
    const key = seen.get(name.toLowerCase()) ?? name;
    seen.set(name.toLowerCase(), key);
    header[key] = key in header ? `${header[key]}, ${value}` : value;
  }
  return { header, cookies };
}

/** Thrown when a body passes its size cap. */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = 'TooLarge';
  }
}

/** Reads a response body, refusing to hold more than `limit` bytes. */
export async function readCapped(response: IncomingMessage, limit: number, onBytes?: (received: number) => void): Promise<Buffer> {
  const parts: Buffer[] = [];
  let received = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limit) {
      response.destroy();
      throw new TooLarge(limit);
    }
    parts.push(chunk);
    onBytes?.(received);
  }
  return Buffer.concat(parts);
}
