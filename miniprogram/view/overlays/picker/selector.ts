import { clampRow, rangeLabel, type PickerModel } from './model';

/** mode="selector": one column; detail {value: index}. */
export function selectorModel(range: readonly unknown[], rangeKey: string, value: number): PickerModel {
  const labels = range.map((item) => rangeLabel(item, rangeKey));
  let row = clampRow(value, labels.length);
  return {
    columns: () => [labels],
    selected: () => [row],
    select: (_column, next) => {
      row = clampRow(next, labels.length);
    },
    detail: () => ({ value: row }),
  };
}

/**
 * mode="multiSelector": one column per range entry; detail {value: [indexes]}. The page usually answers
 * `columnchange` by replacing a column through setData while the pop-over is open: `replaceRange` takes it.
 */
export interface MultiSelectorModel extends PickerModel {
  replaceRange(range: readonly (readonly unknown[])[]): void;
}

export function multiSelectorModel(range: readonly (readonly unknown[])[], rangeKey: string, value: readonly number[]): MultiSelectorModel {
  let labels: string[][] = [];
  let rows: number[] = [];
  const load = (next: readonly (readonly unknown[])[], wanted: readonly number[]) => {
    labels = next.map((column) => (Array.isArray(column) ? column.map((item) => rangeLabel(item, rangeKey)) : []));
    rows = labels.map((column, i) => clampRow(wanted[i] ?? 0, column.length));
  };
  load(range, value);
  return {
    columns: () => labels,
    selected: () => [...rows],
    select: (column, row) => {
      if (column < rows.length) rows[column] = clampRow(row, labels[column]!.length);
    },
    detail: () => ({ value: [...rows] }),
    replaceRange: (next) => load(next, rows),
  };
}
