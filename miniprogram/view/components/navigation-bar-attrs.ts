import type { NavBarField } from '../../protocol';
import { colorAnimationOf, type ColorAnimation } from '../chrome/nav-bar-layers';
import { numberAttr, stringAttr } from './attr-values';
import { truthy } from './registry';

/** What one <navigation-bar> attribute does to its page's window: a field's new value (undefined: unset), or why not. */
export type WindowFieldChange = { field: NavBarField; value: unknown } | { invalid: string };

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * title, loading, front-color and background-color as the PageWindow fields the navigation bar APIs set; null for
 * any other attribute. An attribute bound to nothing (undefined / null) unsets its field: the page's json shows again.
 */
export function windowFieldChange(name: string, value: unknown): WindowFieldChange | null {
  const unset = value === undefined || value === null;
  switch (name) {
    case 'title':
      return { field: 'navigationBarTitleText', value: unset ? undefined : stringAttr(value) };
    case 'loading':
      return { field: 'navigationBarLoading', value: unset ? undefined : truthy(value) };
    case 'front-color': {
      if (unset) return { field: 'navigationBarTextStyle', value: undefined };
      // WeChat takes only these two, as wx.setNavigationBarColor's frontColor
      const color = stringAttr(value).toLowerCase();
      if (color === '#ffffff') return { field: 'navigationBarTextStyle', value: 'white' };
      if (color === '#000000') return { field: 'navigationBarTextStyle', value: 'black' };
      return { invalid: `front-color "${stringAttr(value)}" is not #ffffff or #000000` };
    }
    case 'background-color': {
      if (unset) return { field: 'navigationBarBackgroundColor', value: undefined };
      const color = stringAttr(value).trim();
      return HEX_COLOR.test(color) ? { field: 'navigationBarBackgroundColor', value: color } : { invalid: `background-color "${color}" is not a hexadecimal colour` };
    }
    default:
      return null;
  }
}

/** color-animation-duration (ms, default 0: none) and color-animation-timing-func (default "linear") */
export function colorAnimation(duration: unknown, timingFunc: unknown): ColorAnimation {
  return colorAnimationOf(numberAttr(duration, 0), stringAttr(timingFunc, 'linear'));
}
