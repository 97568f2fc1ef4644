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

/** an rpx length starting at a token boundary (not "a-10rpx", not "rpx.png"), its number in group 1 */
const RPX_IN_VALUE = /(?<![\w.-])(-?(?:\d+\.?\d*|\.\d+))rpx(?![\w.-])/gi;
const URL_CALL = /(url\([^)]*\))/i;

/**
 * An inline `style` as WeChat writes it ("width: 100rpx; height: {{h}}rpx") in CSS the browser takes: every rpx
 * length becomes `calc(N * var(--wx-rpx))`, as the compiler does for WXSS; a `url(...)` is left as it is.
 * Browsers drop a declaration with an unknown unit, so without this an rpx in a style binding did nothing.
 */
export function rpxInStyle(style: string): string {
  if (!style.includes('rpx') && !style.includes('RPX')) return style;
  return style
    .split(URL_CALL)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(RPX_IN_VALUE, (_m, n: string) => rpxCss(Number(n)))))
    .join('');
}
