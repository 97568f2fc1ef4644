import type { BuiltinContext } from './registry';

/**
 * What image and cover-image share: the <img> inside them, load {width, height} (natural size) and error
 * {errMsg} as WeChat sends them, and `src` resolved against the package. Returns the `src` setter.
 */
export function imageSource(ctx: BuiltinContext, img: HTMLImageElement): (src: unknown) => void {
  img.draggable = false;
  img.alt = '';
  img.addEventListener('load', () => ctx.emit('load', { width: img.naturalWidth, height: img.naturalHeight }));
  img.addEventListener('error', () => ctx.emit('error', { errMsg: `GET ${img.src} 404 (Not Found)` }));
  return (value) => {
    const src = typeof value === 'string' ? value : '';
    if (src) img.src = ctx.resolveUrl(src);
    else img.removeAttribute('src');
  };
}
