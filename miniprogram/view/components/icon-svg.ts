import { rpxCss, rpxNumber } from '../../rpx';

/** The `icon` component's types, as WeChat documents them. */
export const ICON_TYPES = ['success', 'success_no_circle', 'info', 'warn', 'waiting', 'cancel', 'download', 'search', 'clear'] as const;
export type IconType = (typeof ICON_TYPES)[number];

export function isIconType(value: unknown): value is IconType {
  return typeof value === 'string' && (ICON_TYPES as readonly string[]).includes(value);
}

/** WeUI's default colour per type (used when the `color` attribute is empty). */
export const ICON_DEFAULT_COLORS: Record<IconType, string> = {
  success: '#07c160',
  success_no_circle: '#07c160',
  info: '#10aeff',
  warn: '#fa5151',
  waiting: '#10aeff',
  cancel: '#f43530',
  download: '#07c160',
  search: '#b2b2b2',
  clear: '#b2b2b2',
};

/** WeChat's default `size`, in px. */
export const ICON_DEFAULT_SIZE = 23;

type Shape = [tag: 'circle' | 'path', attrs: Record<string, string>];

const DISC: Shape = ['circle', { cx: '12', cy: '12', r: '11', fill: 'currentColor' }];
const mark = (d: string, width = '2'): Shape => ['path', { d, fill: 'none', stroke: '#fff', 'stroke-width': width, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }];
const line = (d: string, width = '2'): Shape => ['path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': width, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }];

/** Each type drawn on a 24x24 grid: a disc in the icon's colour with a white mark, or a line drawing. */
const SHAPES: Record<IconType, Shape[]> = {
  success: [DISC, mark('M6.5 12.5l3.5 3.5 7.5-8')],
  success_no_circle: [line('M3.5 12.5l5.5 5.5 11.5-12', '2.4')],
  info: [DISC, mark('M12 10.5v7'), ['circle', { cx: '12', cy: '7', r: '1.4', fill: '#fff' }]],
  warn: [DISC, mark('M12 6v7.5'), ['circle', { cx: '12', cy: '17.2', r: '1.4', fill: '#fff' }]],
  waiting: [DISC, mark('M12 6.5V12l3.8 2.6')],
  cancel: [['circle', { cx: '12', cy: '12', r: '10.2', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6' }], line('M8.5 8.5l7 7M15.5 8.5l-7 7', '1.8')],
  download: [DISC, mark('M12 6v9M8 11.5l4 4 4-4M7.5 18h9')],
  search: [line('M10.5 3.5a7 7 0 1 1 0 14a7 7 0 1 1 0-14M15.6 15.6l5 5', '2.2')],
  clear: [DISC, mark('M8.5 8.5l7 7M15.5 8.5l-7 7')],
};

/** px for a bare number, rpx through the view's --wx-rpx (docs/wechat-format.md section 2), other CSS lengths as given. */
export function iconCssSize(size: number | string): string {
  const text = String(size).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${Number(text)}px`;
  const rpx = rpxNumber(text);
  if (rpx !== undefined) return rpxCss(rpx);
  return text || `${ICON_DEFAULT_SIZE}px`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An `icon` as inline SVG: `size` in px (a number or a CSS length string such as "40rpx"), `color` as CSS
 * colour, WeUI's colour when empty. Unknown types draw nothing (WeChat shows an empty box too).
 */
export function iconSvg(doc: Document, type: string, size: number | string = ICON_DEFAULT_SIZE, color?: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('wx-icon-svg');
  const cssSize = iconCssSize(size);
  svg.style.width = cssSize;
  svg.style.height = cssSize;
  if (!isIconType(type)) return svg;
  svg.style.color = color || ICON_DEFAULT_COLORS[type];
  svg.dataset.type = type;
  for (const [tag, attrs] of SHAPES[type]) {
    const shape = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    svg.append(shape);
  }
  return svg;
}
