import { clampRow, type PickerModel } from './model';
import { REGION_SAMPLE, type RegionNode } from './region-data';

export type RegionLevel = 'province' | 'city' | 'region';

const DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, region: 3 };

/**
 * mode="region": province / city / district columns (fewer with `level`), each optionally headed by
 * `custom-item`; detail {value: names, code: codes, postcode}, as WeChat gives it. Picking the custom
 * item in a column leaves only the custom item below it (code ""). Data: the partial sample in region-data.
 */
export function regionModel(value: readonly string[], options: { customItem?: string; level?: RegionLevel; data?: RegionNode[] }): PickerModel {
  const data = options.data ?? REGION_SAMPLE;
  const depth = DEPTH[options.level ?? 'region'] ?? 3;
  const custom = options.customItem || undefined;
  const custNode: RegionNode = { name: custom ?? '', code: '' };

  /** The rows of column `column` under the current picks of the columns before it. */
  const rowsOf = (picks: number[], column: number): RegionNode[] => {
    let level: RegionNode[] = data;
    for (let c = 0; c < column; c++) {
      const chosen = withCustom(level)[picks[c] ?? 0];
      level = chosen && chosen !== custNode ? (chosen.children ?? []) : [];
    }
    return withCustom(level);
  };
  const withCustom = (nodes: RegionNode[]): RegionNode[] => (custom ? [custNode, ...nodes] : nodes);

  const picks: number[] = [];
  for (let c = 0; c < depth; c++) {
    const rows = rowsOf(picks, c);
    const at = rows.findIndex((n) => n.name === value[c] && (n !== custNode || value[c] === custom));
    picks.push(at >= 0 ? at : 0);
  }
  const chosen = () => Array.from({ length: depth }, (_, c) => rowsOf(picks, c)[picks[c]!]);

  return {
    columns: () => Array.from({ length: depth }, (_, c) => rowsOf(picks, c).map((n) => n.name)),
    selected: () => [...picks],
    select(column, row) {
      if (column >= depth) return;
      picks[column] = clampRow(row, rowsOf(picks, column).length);
      for (let c = column + 1; c < depth; c++) picks[c] = 0;
    },
    detail() {
      const nodes = chosen();
      const last = nodes[nodes.length - 1];
      return {
        value: nodes.map((n) => n?.name ?? ''),
        code: nodes.map((n) => n?.code ?? ''),
        postcode: last?.postcode ?? '',
      };
    },
  };
}
