import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerRoute } from '../core/contracts';
import { sendJson } from '../core/http/json-http';
import { serveServerApi } from '../core/http/server-api';
import type { Logger } from './logger';

/**
 * The embedded platform's server API (code2session, orders, phone numbers...) for merchant backends,
 * switched on from the Developer menu: HTTP on 127.0.0.1 only, a port the OS picks. GET reads its input
 * from the query string, POST from a JSON body; answers are JSON with WeChat-style errcode/errmsg.
 */

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
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendJson(res, 421, { errcode: -1, errmsg: `unexpected Host header "${host}"; call http://127.0.0.1:${port}` });
    if (!(await serveServerApi(req, res, routes()))) {
      sendJson(res, 404, { errcode: -1, errmsg: `no server API at ${new URL(req.url ?? '/', 'http://127.0.0.1').pathname}` });
    }
  };

  return {
    url: () => base,
    async start() {
      if (base) return base;
      const created = createServer((req, res) => {
        const port = (created.address() as AddressInfo).port;
        handle(req, res, port).catch((error: unknown) => {
          log.error(`server API ${req.method} ${req.url} failed: ${String(error)}`);
          if (!res.headersSent) sendJson(res, 500, { errcode: -1, errmsg: 'system error: the platform failed to answer; see the host log' });
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
