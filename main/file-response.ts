import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { contentTypeOf } from '../core/catalog/content-types';

/**
 * Responses for files served through the superapp: scheme, typed by the table both hosts share
 * (core/catalog/content-types) and always with nosniff.
 */

const BASE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };

export function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

export function htmlResponse(html: string, headers: Record<string, string> = {}): Response {
  return new Response(html, { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}

export async function readHtml(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** Streams the file (large media never sits in memory). HEAD gets the headers only. */
export async function fileResponse(path: string, method: string, headers: Record<string, string> = {}): Promise<Response> {
  const info = await stat(path);
  const responseHeaders = { ...BASE_HEADERS, 'Content-Type': contentTypeOf(path), 'Content-Length': String(info.size), ...headers };
  if (method === 'HEAD') return new Response(null, { status: 200, headers: responseHeaders });
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: responseHeaders });
}
