import { imageSource } from './image-source';
import { defineBuiltin } from './registry';

/** WeChat image modes -> object-fit / object-position of the inner <img> */
const MODES: Record<string, [fit: string, position: string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  top: ['none', 'top'],
  bottom: ['none', 'bottom'],
  center: ['none', 'center'],
  left: ['none', 'left'],
  right: ['none', 'right'],
  'top left': ['none', 'left top'],
  'top right': ['none', 'right top'],
  'bottom left': ['none', 'left bottom'],
  'bottom right': ['none', 'right bottom'],
};

/**
 * <image>: 320x240 by default as in WeChat; `mode` picks the fit; `bindload` gets { width, height } (natural
 * size), `binderror` gets { errMsg }.
 */
defineBuiltin({
  tag: 'image',
  create: (ctx) => {
    const element = document.createElement('wx-image');
    const img = document.createElement('img');
    element.append(img);
    const setSrc = imageSource(ctx, img);
    const setMode = (mode: string) => {
      const [fit, position] = MODES[mode] ?? MODES['scaleToFill']!;
      img.style.objectFit = fit;
      img.style.objectPosition = position;
      element.dataset['mode'] = mode in MODES ? mode : 'scaleToFill';
    };
    setMode('scaleToFill');
    return {
      element,
      children: document.createElement('span'),
      set(name, value) {
        if (name === 'src') {
          setSrc(value);
          return true;
        }
        if (name === 'mode') {
          setMode(String(value));
          return true;
        }
        if (name === 'lazy-load' || name === 'show-menu-by-longpress' || name === 'webp') return true;
        return false;
      },
    };
  },
});
