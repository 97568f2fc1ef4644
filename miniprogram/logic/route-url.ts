/** '/pages/a/b?x=1&y=%20' seen from route 'pages/c/d' -> { route: 'pages/a/b', query: { x: '1', y: ' ' } } */
export function parseRouteUrl(url: string, fromRoute: string): { route: string; query: Record<string, string> } {
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  const query: Record<string, string> = {};
  if (q >= 0) {
    for (const pair of url.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      // WeChat hands onLoad the raw strings; decoding is the page's business (it does decodeURIComponent)
      query[key] = value;
    }
  }
  const base = pathPart.startsWith('/') ? [] : fromRoute.split('/').slice(0, -1);
  for (const part of pathPart.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop();
    else base.push(part);
  }
  return { route: base.join('/').replace(/\.html$/, ''), query };
}
