/**
 * What every picker pop-over shows: columns of labels with one selected row each. The modes differ in
 * how columns depend on each other (days depend on the month, cities on the province) and in the
 * `detail` of the change event; each mode is a PickerModel, and the pop-over only knows this interface.
 */
export interface PickerModel {
  columns(): string[][];
  selected(): number[];
  /** the user moved column `column` to row `row`; dependent columns are rebuilt */
  select(column: number, row: number): void;
  /** the change event's `detail` for the current selection */
  detail(): Record<string, unknown>;
}

/** Keeps a row inside a column of `length` rows (WeChat clamps out-of-range values the same way). */
export function clampRow(row: number, length: number): number {
  if (length <= 0) return 0;
  if (!Number.isFinite(row)) return 0;
  return Math.min(Math.max(0, Math.trunc(row)), length - 1);
}

/** A range item's label: the `range-key` field of an object, else the item itself as text. */
export function rangeLabel(item: unknown, rangeKey: string): string {
  if (item !== null && typeof item === 'object' && rangeKey) return String((item as Record<string, unknown>)[rangeKey] ?? '');
  if (item === null || item === undefined) return '';
  return typeof item === 'object' ? JSON.stringify(item) : String(item);
}
