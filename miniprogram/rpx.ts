/**
 * rpx, the mini program unit CSS lacks: 750rpx is the view's width. The view sets `--wx-rpx` to the px of one
 * rpx (view/chrome/app-chrome.ts), so a length written as `calc(N * var(--wx-rpx))` follows the view when the
 * window is resized. DOM-free: the logic layer writes such lengths too (logic/animation.ts).
 */

const RPX = /^\s*(-?\d*\.?\d+)rpx\s*$/;

/** the number of "24rpx" (24); undefined for anything that is not an rpx length */
export function rpxNumber(text: string): number | undefined {
  const match = RPX.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** CSS for `n` rpx */
export function rpxCss(n: number): string {
  return `calc(${n} * var(--wx-rpx))`;
}
