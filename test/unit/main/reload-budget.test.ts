import { describe, expect, it } from 'vitest';
import { reloadBudget } from '../../../main/reload-budget';

describe('reloadBudget (crash-loop guard for the shell renderer)', () => {
  it('allows max restarts within a sliding window, and one more each time the oldest leaves it', () => {
    let now = 0;
    const budget = reloadBudget({ max: 3, windowMs: 60_000, now: () => now });
    expect(budget.take()).toBe(true);
    now = 10_000;
    expect(budget.take()).toBe(true);
    now = 20_000;
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    now = 59_999;
    expect(budget.take()).toBe(false);
    now = 60_000; // the restart at 0 is a minute old
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });
});
