import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from '../core/catalog/content-types';
import { resolveInside } from '../core/catalog/safe-path';
import { BASE_HEADERS, sendText } from './http-util';

/** The shell page may frame any app origin and talk only to its own host; nothing may frame it. */
export function shellPageCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https: http://*.localhost:${port}`,
    `frame-src http://*.localhost:${port}`,
    `connect-src 'self' ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Puts the per-run shell token into the page as <meta name="shell-token">, first thing in <head>. */
export function injectShellToken(html: string, token: string): string {
  const meta = `<meta name="shell-token" content="${token}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}

/** Serves dist/renderer on the shell origin: index.html with the token, the rest as static files. */
export async function serveShellFile(req: IncomingMessage, res: ServerResponse, rendererDir: string, token: string, port: number): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, `${req.method} ${req.url} is not a shell command; the shell talks over /ws/shell.`, { Allow: 'GET, HEAD' });
    return;
  }
  const rawPath = (req.url ?? '/').split('?')[0]!;
  if (rawPath === '/' || rawPath === '/index.html') {
    let html: string;
    try {
      html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    } catch {
      sendText(res, 503, `The shell UI is not built (${join(rendererDir, 'index.html')} is missing). Run "npm run build" and reload.`);
      return;
    }
    const body = Buffer.from(injectShellToken(html, token), 'utf8');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      // it carries the token of this server run
      'Cache-Control': 'no-store',
      'Content-Security-Policy': shellPageCsp(port),
      'X-Frame-Options': 'DENY',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const file = await resolveInside(rendererDir, rawPath);
  if (!file) {
    sendText(res, 404, `Not found: ${rawPath}`);
    return;
  }
  const info = await stat(file);
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(info.size), 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
