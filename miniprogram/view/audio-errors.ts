/**
 * A media element's failure as WeChat's onError object: errCode 10001 system error, 10002 network error,
 * 10003 file error, 10004 format error, -1 unknown. The browser folds "no such file" and "not a format I
 * play" into one code (MEDIA_ERR_SRC_NOT_SUPPORTED); for the app's own files (same origin) a HEAD request
 * tells them apart. A remote file that cannot be opened counts as a file error: its server is not ours to ask.
 */
export async function audioError(error: MediaError, url: string): Promise<{ errCode: number; errMsg: string }> {
  const detail = error.message ? ` (${error.message})` : '';
  switch (error.code) {
    case MediaError.MEDIA_ERR_NETWORK:
      return { errCode: 10002, errMsg: `network error: ${url}${detail}` };
    case MediaError.MEDIA_ERR_DECODE:
      return { errCode: 10004, errMsg: `format error: ${url}${detail}` };
    case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
      return notSupported(url, detail);
    default:
      return { errCode: -1, errMsg: `unknown error: ${url}${detail}` };
  }
}

async function notSupported(url: string, detail: string): Promise<{ errCode: number; errMsg: string }> {
  if (url.startsWith('data:')) return { errCode: 10004, errMsg: `format error: data URL${detail}` };
  const origin = URL.canParse(url, location.href) ? new URL(url, location.href).origin : undefined;
  if (origin === undefined) return { errCode: 10003, errMsg: `file error: ${url} is not a valid URL` };
  if (origin !== location.origin) return { errCode: 10003, errMsg: `file error: ${url} could not be opened${detail}` };
  try {
    const res = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    if (!res.ok) return { errCode: 10003, errMsg: `file error: ${url} (HTTP ${res.status})` };
    return { errCode: 10004, errMsg: `format error: ${url} is not a format this player plays${detail}` };
  } catch {
    return { errCode: 10002, errMsg: `network error: ${url}${detail}` };
  }
}
