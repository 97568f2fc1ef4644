import { describe, expect, it } from 'vitest';
import { formatFen } from '../../../renderer/lib/money';

describe('formatFen', () => {
  it('shows fen as yuan with two decimals and a yen sign', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('groups thousands the way the wallet shows them', () => {
    expect(formatFen(100000)).toBe('¥1,000.00');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(123456789012)).toBe('¥1,234,567,890.12');
  });

  it('puts the minus before the sign for debits and refuses nonsense', () => {
    expect(formatFen(-50)).toBe('-¥0.50');
    expect(formatFen(-123456)).toBe('-¥1,234.56');
    expect(formatFen(Number.NaN)).toBe('¥—');
  });
});
