// A test page's entry: the view-side overlay and component modules, reachable from Playwright as
// window.wxView, without the runtime around them.
import { iconSvg } from '../../../miniprogram/view/components/icon-svg';
import { sanitizeRichText } from '../../../miniprogram/view/components/rich-text';
import { createPageApis } from '../../../miniprogram/view/overlays/page-apis';
import { openPickerPopover, pickerModelFor, type PickerAttrs } from '../../../miniprogram/view/overlays/picker';

const apis = createPageApis(document);
const columnChanges: Array<{ column: number; value: number }> = [];

const wxView = {
  call: (api: string, params: Record<string, unknown> = {}) => apis[api]!(params),
  columnChanges,
  openPicker(attrs: PickerAttrs, anchorSelector?: string) {
    const anchor = anchorSelector ? (document.querySelector(anchorSelector) ?? undefined) : undefined;
    const model = pickerModelFor(attrs, '2026-12-02');
    const popover = openPickerPopover(document, {
      model,
      label: `picker ${attrs.mode ?? 'selector'}`,
      ...(anchor ? { anchor } : {}),
      onColumnChange: (column, value) => columnChanges.push({ column, value }),
    });
    return popover.result;
  },
  richText(nodes: unknown, target: string) {
    const { fragment, dropped } = sanitizeRichText(document, nodes, { mapClass: (c) => `scope--${c}` });
    document.querySelector(target)!.replaceChildren(fragment);
    return dropped;
  },
  icon(type: string, size?: number | string, color?: string) {
    const svg = iconSvg(document, type, size, color);
    document.querySelector('#icons')!.append(svg);
    const box = svg.getBoundingClientRect();
    return { width: box.width, height: box.height, color: getComputedStyle(svg).color, shapes: svg.childElementCount };
  },
};

Object.assign(window, { wxView });
