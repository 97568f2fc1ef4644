import { typeName } from '../../client/wx/type-name';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import type { ViewCalls } from './view-calls';

/**
 * wx.loadFontFace: the view loads the font (view/font-face.ts). `family` and `source` are required strings
 * (WeChat's parameter error); success is `{ status: 'loaded', errMsg: 'loadFontFace:ok' }` and a failure
 * carries `status: 'error'` beside its errMsg, as WeChat's result does. Callbacks or a Promise, as every API.
 */
export function registerLoadFontFace(apis: RuntimeApis, views: ViewCalls): void {
  apis.register('loadFontFace', async (params) => {
    for (const name of ['family', 'source']) {
      if (typeof params[name] !== 'string') throw new RuntimeApiError(`parameter error: parameter.${name} should be String instead of ${typeName(params[name])};`);
    }
    const { ok, result } = await views.call('__loadFontFace', { family: params['family'], source: params['source'], desc: params['desc'] });
    if (ok) return { status: 'loaded' };
    throw new RuntimeApiError(result.errMsg.replace(/^loadFontFace:fail ?/, ''), { status: 'error' });
  });
}
