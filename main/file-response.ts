import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';

/**
 * Responses for files served through the superapp: scheme. The MIME type comes from our own table,
 * not from sniffing, because module scripts are refused without a JavaScript type and nosniff keeps
 * an uploaded .txt from ever running as script.
 */

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtml(path: string): boolean {
  return mimeTypeOf(path).startsWith('text/html');
}

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
  const responseHeaders = { ...BASE_HEADERS, 'Content-Type': mimeTypeOf(path), 'Content-Length': String(info.size), ...headers };
  if (method === 'HEAD') return new Response(null, { status: 200, headers: responseHeaders });
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: responseHeaders });
}
