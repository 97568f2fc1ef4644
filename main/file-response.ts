import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { contentRange, requestedByteRange, unsatisfiedRange, type ByteRange } from '../core/catalog/byte-range';
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

/** Streams the whole file (large media never sits in memory). HEAD gets the headers only. */
export async function fileResponse(path: string, method: string, headers: Record<string, string> = {}): Promise<Response> {
  const info = await stat(path);
  const responseHeaders = { ...BASE_HEADERS, 'Content-Type': contentTypeOf(path), 'Content-Length': String(info.size), ...headers };
  if (method === 'HEAD') return new Response(null, { status: 200, headers: responseHeaders });
  return new Response(streamOf(path), { status: 200, headers: responseHeaders });
}

/**
 * A package file, with a single byte range honoured (206, or 416 past the end): a mini program's
 * <video>/<audio> seeks by asking for ranges, and the scheme is registered with stream: true so
 * Chromium's media player can. Everything else (no Range, several ranges, HEAD) gets the whole file.
 */
export async function rangedFileResponse(path: string, request: { method: string; headers: Headers }, headers: Record<string, string> = {}): Promise<Response> {
  const info = await stat(path);
  const size = info.size;
  const range = requestedByteRange({ method: request.method, range: request.headers.get('range'), ifRange: request.headers.get('if-range') }, size);
  if (range === 'unsatisfiable') return textResponse(416, 'The requested range is outside the file.', { 'Accept-Ranges': 'bytes', 'Content-Range': unsatisfiedRange(size) });
  if (!range) return fileResponse(path, request.method, { 'Accept-Ranges': 'bytes', ...headers });
  return new Response(streamOf(path, range), {
    status: 206,
    headers: {
      ...BASE_HEADERS,
      ...headers,
      'Content-Type': contentTypeOf(path),
      'Accept-Ranges': 'bytes',
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': contentRange(range, size),
    },
  });
}

function streamOf(path: string, range?: ByteRange): ReadableStream<Uint8Array> {
  // createReadStream's end is inclusive, like Content-Range's
  return Readable.toWeb(createReadStream(path, range ? { start: range.start, end: range.end } : {})) as unknown as ReadableStream<Uint8Array>;
}
