import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerRoute } from '../core/contracts';
import type { Logger } from './logger';

/**
 * The embedded platform's server API (code2session, orders, phone numbers...) for merchant backends,
 * switched on from the Developer menu: HTTP on 127.0.0.1 only, a port the OS picks. GET reads its input
 * from the query string, POST from a JSON body; answers are JSON with WeChat-style errcode/errmsg.
 */

const MAX_BODY_BYTES = 1024 * 1024;
const ERR_DATA_FORMAT = 47001;
const ERR_INVALID_ARGS = 40097;

export interface ServerApi {
  /** base URL while on, e.g. http://127.0.0.1:53412 */
  url(): string | undefined;
  start(): Promise<string>;
  stop(): Promise<void>;
}

export function createServerApi(routes: () => ServerRoute[], log: Logger): ServerApi {
  let server: Server | undefined;
  let base: string | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse, port: number) => {
    // a web page could reach loopback through a DNS name it controls; only our own host names are served
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, { errcode: -1, errmsg: `unexpected Host header "${host}"; call http://127.0.0.1:${port}` });
    if (req.method === 'POST' && req.headers.origin !== undefined) {
      return send(res, 403, { errcode: -1, errmsg: 'the server API is for merchant servers; a browser page may not call it' });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const samePath = routes().filter((r) => r.path === url.pathname);
    if (samePath.length === 0) return send(res, 404, { errcode: -1, errmsg: `no server API at ${url.pathname}` });
    const route = samePath.find((r) => r.method === req.method);
    if (!route) return send(res, 405, { errcode: ERR_INVALID_ARGS, errmsg: `${url.pathname} takes ${samePath.map((r) => r.method).join(' or ')}` });
    let raw: unknown = Object.fromEntries(url.searchParams);
    if (route.method === 'POST') {
      const body = await readBody(req);
      if (body === 'too-large') return send(res, 413, { errcode: ERR_DATA_FORMAT, errmsg: `the body is larger than ${MAX_BODY_BYTES} bytes` });
      try {
        raw = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (error) {
        return send(res, 400, { errcode: ERR_DATA_FORMAT, errmsg: `data format error: the body is not valid JSON (${(error as Error).message})` });
      }
    }
    const input = route.input.safeParse(raw);
    if (!input.success) {
      const detail = input.error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; ');
      return send(res, 400, { errcode: ERR_INVALID_ARGS, errmsg: `invalid args: ${detail}` });
    }
    const answer = await route.run(input.data);
    return send(res, answer.status, answer.body);
  };

  return {
    url: () => base,
    async start() {
      if (base) return base;
      const created = createServer((req, res) => {
        const port = (created.address() as AddressInfo).port;
        handle(req, res, port).catch((error: unknown) => {
          log.error(`server API ${req.method} ${req.url} failed: ${String(error)}`);
          if (!res.headersSent) send(res, 500, { errcode: -1, errmsg: 'system error: the platform failed to answer; see the host log' });
        });
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(0, '127.0.0.1', () => resolve());
      });
      server = created;
      base = `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
      log.info(`server API on ${base}`);
      return base;
    },
    async stop() {
      const running = server;
      server = undefined;
      base = undefined;
      if (!running) return;
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
      log.info('server API off');
    },
  };
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(data.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(data);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // stop buffering but drain, so the 413 still reaches the caller on a live socket
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
