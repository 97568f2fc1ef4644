import { describe, expect, it } from 'vitest';
import { pickerModelFor } from '../../../miniprogram/view/overlays/picker';

describe('picker models (what each mode shows and the change detail it gives)', () => {
  it('selector: range-key labels, value clamped into range, detail {value: index}', () => {
    const m = pickerModelFor({ mode: 'selector', range: [{ n: 'Tea' }, { n: 'Coffee' }], rangeKey: 'n', value: 9 });
    expect(m.columns()).toEqual([['Tea', 'Coffee']]);
    expect(m.selected()).toEqual([1]);
    m.select(0, 0);
    expect(m.detail()).toEqual({ value: 0 });
  });

  it('an unknown mode falls back to selector', () => {
    expect(pickerModelFor({ mode: 'wheel', range: ['a', 'b'] }).detail()).toEqual({ value: 0 });
  });

  it('multiSelector: one column per range entry, a replaced column keeps the other picks', () => {
    const m = pickerModelFor({ mode: 'multiSelector', range: [['A', 'B'], ['x', 'y', 'z']], value: [1, 2] });
    expect(m.selected()).toEqual([1, 2]);
    m.select(0, 0);
    expect(m.detail()).toEqual({ value: [0, 2] });
    if (!('replaceRange' in m)) throw new Error('multiSelector must take a new range');
    (m as { replaceRange(r: unknown[][]): void }).replaceRange([['A', 'B'], ['only']]);
    expect(m.columns()).toEqual([['A', 'B'], ['only']]);
    expect(m.detail()).toEqual({ value: [0, 0] });
  });

  it('time: hours and minutes inside start..end, detail "hh:mm"', () => {
    const m = pickerModelFor({ mode: 'time', value: '07:05', start: '08:30', end: '10:15' });
    expect(m.columns()[0]).toEqual(['08', '09', '10']);
    expect(m.columns()[1]![0]).toBe('30'); // clamped to the start: only minutes 30..59 at 08
    expect(m.detail()).toEqual({ value: '08:30' });
    m.select(0, 2); // 10 -> minutes 00..15, the 30 is pulled to 15
    expect(m.columns()[1]).toHaveLength(16);
    expect(m.detail()).toEqual({ value: '10:15' });
    m.select(1, 3);
    expect(m.detail()).toEqual({ value: '10:03' });
  });

  it('date: days follow the month (leap years), fields year/month shorten the value', () => {
    const m = pickerModelFor({ mode: 'date', value: '2024-01-31', start: '2023-06-15', end: '2025-02-10' }, '2000-01-01');
    expect(m.columns()[0]).toEqual(['2023', '2024', '2025']);
    m.select(1, 1); // February 2024: the 31st becomes the 29th
    expect(m.detail()).toEqual({ value: '2024-02-29' });
    m.select(0, 2); // 2025: only January and February up to the 10th
    expect(m.columns()[1]).toEqual(['01', '02']);
    expect(m.detail()).toEqual({ value: '2025-02-10' });
    const month = pickerModelFor({ mode: 'date', value: '2024-05', fields: 'month' }, '2000-01-01');
    expect(month.columns()).toHaveLength(2);
    expect(month.detail()).toEqual({ value: '2024-05' });
    expect(pickerModelFor({ mode: 'date', fields: 'year' }, '2031-07-04').detail()).toEqual({ value: '2031' });
  });

  it('date without a value opens on today', () => {
    expect(pickerModelFor({ mode: 'date' }, '2026-12-02').detail()).toEqual({ value: '2026-12-02' });
  });

  it('region: names, codes and the postcode of the last level; a new province resets the columns after it', () => {
    const m = pickerModelFor({ mode: 'region', value: ['广东省', '广州市', '海珠区'] });
    expect(m.detail()).toEqual({ value: ['广东省', '广州市', '海珠区'], code: ['440000', '440100', '440105'], postcode: '510220' });
    m.select(1, 1);
    expect(m.detail()).toMatchObject({ value: ['广东省', '深圳市', '福田区'], code: ['440000', '440300', '440304'] });
    const city = pickerModelFor({ mode: 'region', level: 'city', value: ['浙江省', '宁波市'] });
    expect(city.columns()).toHaveLength(2);
    expect(city.detail()).toEqual({ value: ['浙江省', '宁波市'], code: ['330000', '330200'], postcode: '' });
  });

  it('region with custom-item: the item heads every column and empties the columns under it', () => {
    const m = pickerModelFor({ mode: 'region', customItem: '全部', value: ['全部'] });
    expect(m.columns()).toEqual([expect.arrayContaining(['全部', '北京市']), ['全部'], ['全部']]);
    expect(m.detail()).toEqual({ value: ['全部', '全部', '全部'], code: ['', '', ''], postcode: '' });
  });
});
