import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, sendText } from './http-util';

/** The query parameter of wx.js's URL that names its build (web/boot-page.ts puts it there). */
export const WX_VERSION_PARAM = 'v';

/** What a built script asked for with its current build's version in its URL may be cached as: for good (a rebuild changes the URL). */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** One build of a built file (wx.js, the WeChat-format runtime): `version` changes whenever it is rebuilt. Undefined while it is not built. */
export async function wxScriptBuild(file: string): Promise<{ version: string; size: number } | undefined> {
  try {
    const info = await stat(file);
    return { version: `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`, size: info.size };
  } catch {
    return undefined;
  }
}

/** The version a page's wx.js URL carries (undefined while wx.js is not built: the page then asks without one). */
export async function wxScriptVersion(file: string): Promise<string | undefined> {
  return (await wxScriptBuild(file))?.version;
}

/**
 * /__superapp__/wx.js. Asked for with the current build's version in its URL (as every page the host builds
 * asks for it), it may be cached for good: a rebuild changes the URL, so a launch neither waits for a
 * revalidation round trip to this host nor parses the script again (Chromium keeps its compiled code).
 * Any other request for it is revalidated every time.
 */
export async function serveWxScript(req: IncomingMessage, res: ServerResponse, file: string, query: string): Promise<void> {
  const build = await wxScriptBuild(file);
  if (!build) {
    sendText(res, 503, `The wx client is not built (${file} is missing). Run "npm run build" and reload.`);
    return;
  }
  const current = new URLSearchParams(query).get(WX_VERSION_PARAM) === build.version;
  const etag = `"${build.version}"`;
  const headers = {
    ...BASE_HEADERS,
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': current ? IMMUTABLE_CACHE : 'no-cache',
    ETag: etag,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(build.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
