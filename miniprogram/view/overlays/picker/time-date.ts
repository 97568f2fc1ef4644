import { clampRow, type PickerModel } from './model';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Inclusive integer range as numbers. */
function span(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

function parseTime(text: string | undefined): number | undefined {
  const m = /^(\d{1,2}):(\d{1,2})$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/**
 * mode="time": hours and minutes, limited to start..end ("hh:mm", whole day when absent); detail
 * {value: "hh:mm"}. A value outside the range is pulled to its nearest end.
 */
export function timeModel(value: string, start?: string, end?: string): PickerModel {
  const lo = parseTime(start) ?? 0;
  const hi = Math.max(lo, parseTime(end) ?? 23 * 60 + 59);
  let minutes = Math.min(Math.max(parseTime(value) ?? lo, lo), hi);
  const hours = () => span(Math.floor(lo / 60), Math.floor(hi / 60));
  const minutesOf = (hour: number) => span(hour === Math.floor(lo / 60) ? lo % 60 : 0, hour === Math.floor(hi / 60) ? hi % 60 : 59);
  const hour = () => Math.floor(minutes / 60);
  return {
    columns: () => [hours().map((h) => pad(h)), minutesOf(hour()).map((m) => pad(m))],
    selected: () => [hours().indexOf(hour()), minutesOf(hour()).indexOf(minutes % 60)],
    select(column, row) {
      if (column === 0) {
        const h = hours()[clampRow(row, hours().length)]!;
        const mins = minutesOf(h);
        minutes = h * 60 + Math.min(Math.max(minutes % 60, mins[0]!), mins[mins.length - 1]!);
      } else {
        const mins = minutesOf(hour());
        minutes = hour() * 60 + mins[clampRow(row, mins.length)]!;
      }
    },
    detail: () => ({ value: `${pad(hour())}:${pad(minutes % 60)}` }),
  };
}

export type DateFields = 'year' | 'month' | 'day';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDate(text: string | undefined): Ymd | undefined {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) ? { y, m: mo, d } : undefined;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const key = (v: Ymd) => v.y * 10000 + v.m * 100 + v.d;

/** The range used when a date picker gives no start or end (WeChat leaves it to the platform). */
export const DEFAULT_DATE_START = '1900-01-01';
export const DEFAULT_DATE_END = '2100-12-31';

/**
 * mode="date": year, month and day columns (as many as `fields` asks for), limited to start..end;
 * detail {value: "YYYY" | "YYYY-MM" | "YYYY-MM-DD"}. `today` is the default when value is empty.
 */
export function dateModel(value: string, options: { start?: string; end?: string; fields?: DateFields; today: string }): PickerModel {
  const lo = parseDate(options.start) ?? parseDate(DEFAULT_DATE_START)!;
  const hiRaw = parseDate(options.end) ?? parseDate(DEFAULT_DATE_END)!;
  const hi = key(hiRaw) < key(lo) ? lo : hiRaw;
  const depth = options.fields === 'year' ? 1 : options.fields === 'month' ? 2 : 3;
  const clamp = (v: Ymd): Ymd => (key(v) < key(lo) ? { ...lo } : key(v) > key(hi) ? { ...hi } : v);
  let cur = clamp(parseDate(value) ?? parseDate(options.today) ?? lo);

  const years = () => span(lo.y, hi.y);
  const months = (y: number) => span(y === lo.y ? lo.m : 1, y === hi.y ? hi.m : 12);
  const days = (y: number, m: number) => span(y === lo.y && m === lo.m ? lo.d : 1, y === hi.y && m === hi.m ? hi.d : daysIn(y, m));
  /** After a change of year or month, keep the other parts as close as the range allows. */
  const settle = (v: Ymd): Ymd => {
    const ms = months(v.y);
    const m = Math.min(Math.max(v.m, ms[0]!), ms[ms.length - 1]!);
    const ds = days(v.y, m);
    return { y: v.y, m, d: Math.min(Math.max(v.d, ds[0]!), ds[ds.length - 1]!) };
  };

  return {
    columns() {
      const cols = [years().map((y) => `${y}`), months(cur.y).map((m) => pad(m)), days(cur.y, cur.m).map((d) => pad(d))];
      return cols.slice(0, depth);
    },
    selected: () => [years().indexOf(cur.y), months(cur.y).indexOf(cur.m), days(cur.y, cur.m).indexOf(cur.d)].slice(0, depth),
    select(column, row) {
      if (column === 0) cur = settle({ ...cur, y: years()[clampRow(row, years().length)]! });
      else if (column === 1) cur = settle({ ...cur, m: months(cur.y)[clampRow(row, months(cur.y).length)]! });
      else cur = { ...cur, d: days(cur.y, cur.m)[clampRow(row, days(cur.y, cur.m).length)]! };
    },
    detail() {
      const parts = [pad(cur.y, 4), pad(cur.m), pad(cur.d)].slice(0, depth);
      return { value: parts.join('-') };
    },
  };
}
