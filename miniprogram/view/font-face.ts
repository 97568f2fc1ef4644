import type { PageApiHandler } from './overlays/page-apis';

/** the address inside wx.loadFontFace's `source`: `url("...")` as WeChat writes it, or a bare address */
export function fontSourceUrl(source: string): string {
  const m = /^\s*url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)\s*$/i.exec(source);
  return (m ? (m[1] ?? m[2] ?? m[3] ?? '') : source).trim();
}

/** the FontFace descriptors WeChat's `desc` names that the browser knows (the CSS Font Loading API has no `variant`) */
function descriptors(desc: unknown): FontFaceDescriptors {
  const given = (typeof desc === 'object' && desc !== null ? desc : {}) as Record<string, unknown>;
  const out: FontFaceDescriptors = {};
  if (typeof given['style'] === 'string') out.style = given['style'];
  if (typeof given['weight'] === 'string' || typeof given['weight'] === 'number') out.weight = String(given['weight']);
  return out;
}

/**
 * wx.loadFontFace in the view: the font is fetched with the FontFace API and added to document.fonts, where
 * every page of the app (and its canvases) can use it; `global` and `scopes` change nothing, as one view
 * page holds all the app's pages. Package paths resolve like an <image>'s src; https: and data: as they are.
 */
export function fontFaceCalls(deps: { resolveUrl(path: string): string }): Record<string, PageApiHandler> {
  return {
    async __loadFontFace(params) {
      const url = deps.resolveUrl(fontSourceUrl(String(params['source'] ?? '')));
      try {
        const face = new FontFace(String(params['family']), `url(${JSON.stringify(url)})`, descriptors(params['desc']));
        document.fonts.add(await face.load());
        return { ok: true, result: { status: 'loaded', errMsg: 'loadFontFace:ok' } };
      } catch (e) {
        const reason = e instanceof Error && e.message ? e.message : 'failed to load the font';
        return { ok: false, result: { status: 'error', errMsg: `loadFontFace:fail ${reason}` } };
      }
    },
  };
}
