import { afterEach, describe, expect, it, vi } from 'vitest';
import { lengthAttr, lengthCss } from '../../../miniprogram/view/components/attr-values';

/** WeChat's "number/string" length attributes: px by default, "…px" or "…rpx" strings since base library 2.4.0. */
describe('length attributes', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** a view 375px wide: 750rpx = 375px */
  const halfPxRpx = () => {
    vi.stubGlobal('document', { documentElement: {} });
    vi.stubGlobal('getComputedStyle', () => ({ getPropertyValue: (name: string) => (name === '--wx-rpx' ? '0.5px' : '') }));
  };

  it('lengthAttr: numbers and numeric strings are px, "px" strings too, "rpx" follows the view width', () => {
    halfPxRpx();
    expect(lengthAttr(75, 0)).toBe(75);
    expect(lengthAttr('55', 0)).toBe(55);
    expect(lengthAttr('30px', 0)).toBe(30);
    expect(lengthAttr(' 12.5px ', 0)).toBe(12.5);
    expect(lengthAttr('100rpx', 0)).toBe(50);
    expect(lengthAttr('', 6)).toBe(6);
    expect(lengthAttr(undefined, 6)).toBe(6);
    expect(lengthAttr('wide', 6)).toBe(6);
  });

  it('lengthCss: px as px, rpx as a calc on --wx-rpx (so it follows resizes), the fallback otherwise', () => {
    halfPxRpx();
    expect(lengthCss(9, 6)).toBe('9px');
    expect(lengthCss('9', 6)).toBe('9px');
    expect(lengthCss('10px', 0)).toBe('10px');
    expect(lengthCss('30rpx', 6)).toBe('calc(30 * var(--wx-rpx))');
    expect(lengthCss('thick', 6)).toBe('6px');
  });
});
