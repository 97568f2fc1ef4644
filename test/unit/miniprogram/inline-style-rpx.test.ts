import { describe, expect, it } from 'vitest';
import { rpxInStyle } from '../../../miniprogram/rpx';

/** rpx in a WXML `style` (the view applies it as the element's inline style; browsers drop unknown units) */
describe('rpxInStyle', () => {
  it('turns every rpx length into the view-width calc, negative and fractional ones too', () => {
    expect(rpxInStyle('width: 100rpx; height: 20.5rpx')).toBe('width: calc(100 * var(--wx-rpx)); height: calc(20.5 * var(--wx-rpx))');
    expect(rpxInStyle('margin: 0 -10rpx .5rpx 4px')).toBe('margin: 0 calc(-10 * var(--wx-rpx)) calc(0.5 * var(--wx-rpx)) 4px');
    expect(rpxInStyle('width: calc(100% - 30rpx)')).toBe('width: calc(100% - calc(30 * var(--wx-rpx)))');
    expect(rpxInStyle('transform: translate(10rpx,20rpx)')).toBe('transform: translate(calc(10 * var(--wx-rpx)),calc(20 * var(--wx-rpx)))');
  });

  it('leaves everything else as it was: px, names that contain rpx, url(...)', () => {
    expect(rpxInStyle('width: 10px; color: red')).toBe('width: 10px; color: red');
    expect(rpxInStyle('background: url(/img/a-10rpx.png); width: 2rpx')).toBe('background: url(/img/a-10rpx.png); width: calc(2 * var(--wx-rpx))');
    expect(rpxInStyle('font-family: x10rpx')).toBe('font-family: x10rpx');
  });
});
