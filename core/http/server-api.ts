import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerRoute } from '../contracts/services';
import { describeZodIssues } from '../contracts/zod-issues';
import { BodyTooLarge, readBody, sendJson } from './json-http';

const MAX_API_BODY = 1024 * 1024;

/** WeChat-style error bodies, so merchant server code written for WeChat reads them as usual. */
const ERR_DATA_FORMAT = 47001;
const ERR_INVALID_ARGS = 40097;

/**
 * The embedded platform's server API over HTTP on loopback (merchant backends call it). GET takes its
 * input from the query string, POST from a JSON body; bad input is a 400 naming the field.
 * Returns false when no route matches, so the caller can answer 404. Both hosts mount it: the browser
 * host on its own port, Electron on the port its Developer menu opens; each checks the Host header first.
 */
export async function serveServerApi(req: IncomingMessage, res: ServerResponse, routes: ServerRoute[]): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const samePath = routes.filter((r) => r.path === url.pathname);
  if (samePath.length === 0) return false;
  const route = samePath.find((r) => r.method === req.method);
  if (!route) {
    sendJson(res, 405, { errcode: ERR_INVALID_ARGS, errmsg: `${url.pathname} takes ${samePath.map((r) => r.method).join(' or ')}, not ${req.method}` }, { Allow: samePath.map((r) => r.method).join(', ') });
    return true;
  }
  // A page in a browser must not drive the server API: browsers always send Origin on a cross-site POST,
  // merchant servers (Node, curl) send none.
  if (route.method === 'POST' && req.headers.origin !== undefined) {
    sendJson(res, 403, { errcode: -1, errmsg: `the server API is for merchant servers; a browser page (Origin ${req.headers.origin}) may not call it` });
    return true;
  }

  let raw: unknown;
  if (route.method === 'GET') {
    raw = Object.fromEntries(url.searchParams);
  } else {
    let body: Buffer;
    try {
      body = await readBody(req, MAX_API_BODY);
    } catch (e) {
      if (e instanceof BodyTooLarge) sendJson(res, 413, { errcode: ERR_DATA_FORMAT, errmsg: `${e.message}; send a smaller JSON body` });
      else sendJson(res, 400, { errcode: ERR_DATA_FORMAT, errmsg: 'could not read the request body' });
      return true;
    }
    try {
      raw = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (e) {
      sendJson(res, 400, { errcode: ERR_DATA_FORMAT, errmsg: `data format error: the body is not valid JSON (${(e as Error).message})` });
      return true;
    }
  }

  const input = route.input.safeParse(raw);
  if (!input.success) {
    sendJson(res, 400, { errcode: ERR_INVALID_ARGS, errmsg: `invalid args: ${describeZodIssues(input.error.issues, '(body)')}` });
    return true;
  }
  try {
    // run() validates again itself (its contract takes unknown input); it gets what was sent, not our parse.
    const answer = await route.run(raw);
    sendJson(res, answer.status, answer.body);
  } catch (e) {
    console.error(`server API ${route.method} ${route.path} failed:`, e);
    sendJson(res, 500, { errcode: -1, errmsg: 'system error: the platform failed to answer; see the host log' });
  }
  return true;
}
