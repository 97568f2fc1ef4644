import type { PickerModel } from './model';
import { regionModel, type RegionLevel } from './region';
import { multiSelectorModel, selectorModel } from './selector';
import { dateModel, timeModel, type DateFields } from './time-date';

export { openPickerPopover, type PickerPopover, type PickerPopoverOptions } from './popover';
export type { PickerModel } from './model';

/** The `picker` component's attributes that shape its pop-over (WeChat's names, camel-cased). */
export interface PickerAttrs {
  mode?: string;
  range?: unknown;
  rangeKey?: string;
  value?: unknown;
  start?: string;
  end?: string;
  fields?: string;
  customItem?: string;
  level?: string;
}

const isDateFields = (v: unknown): v is DateFields => v === 'year' || v === 'month' || v === 'day';
const isRegionLevel = (v: unknown): v is RegionLevel => v === 'province' || v === 'city' || v === 'region';

/** Local today as "YYYY-MM-DD" (a date picker with no value opens on it, as WeChat's does). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The model for a picker's mode; `selector` for an unknown mode, as WeChat falls back to it. */
export function pickerModelFor(attrs: PickerAttrs, today = localToday()): PickerModel {
  const range = Array.isArray(attrs.range) ? attrs.range : [];
  const rangeKey = attrs.rangeKey ?? '';
  switch (attrs.mode) {
    case 'multiSelector':
      return multiSelectorModel(range as unknown[][], rangeKey, Array.isArray(attrs.value) ? attrs.value.map(Number) : []);
    case 'time':
      return timeModel(String(attrs.value ?? ''), attrs.start, attrs.end);
    case 'date':
      return dateModel(String(attrs.value ?? ''), { start: attrs.start, end: attrs.end, fields: isDateFields(attrs.fields) ? attrs.fields : 'day', today });
    case 'region':
      return regionModel(Array.isArray(attrs.value) ? attrs.value.map(String) : [], {
        customItem: attrs.customItem,
        level: isRegionLevel(attrs.level) ? attrs.level : 'region',
      });
    default:
      return selectorModel(range, rangeKey, Number(attrs.value ?? 0));
  }
}
