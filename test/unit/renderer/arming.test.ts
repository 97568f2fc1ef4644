import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARMING_DELAY_MS, ArmingGate } from '../../../renderer/lib/arming';

/** Review finding #7: a sheet's approving button must not work while input aimed at the app can still land on it. */
describe('ArmingGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a sheet disarmed for about 600 ms after it appears, then arms it once', () => {
    expect(ARMING_DELAY_MS).toBeGreaterThanOrEqual(500);
    expect(ARMING_DELAY_MS).toBeLessThanOrEqual(1000);
    const changes: boolean[] = [];
    const gate = new ArmingGate((armed) => changes.push(armed));
    gate.restart();
    expect(gate.armed).toBe(false);
    vi.advanceTimersByTime(ARMING_DELAY_MS - 1);
    expect(gate.armed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gate.armed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(changes).toEqual([true]);
  });

  it('does not count time while the sheet is hidden, and restarts the full delay when it shows again', () => {
    const gate = new ArmingGate(() => undefined, 600);
    gate.restart();
    vi.advanceTimersByTime(600);
    expect(gate.armed).toBe(true);

    gate.hold(); // the window went to the background
    expect(gate.armed).toBe(false);
    vi.advanceTimersByTime(5_000);
    expect(gate.armed).toBe(false);

    gate.restart(); // back in front: a click already on its way must not approve
    vi.advanceTimersByTime(599);
    expect(gate.armed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gate.armed).toBe(true);
  });

  it('a restart in the middle of the countdown starts it over instead of arming early', () => {
    const gate = new ArmingGate(() => undefined, 600);
    gate.restart();
    vi.advanceTimersByTime(400);
    gate.restart();
    vi.advanceTimersByTime(400);
    expect(gate.armed).toBe(false);
    vi.advanceTimersByTime(200);
    expect(gate.armed).toBe(true);
  });

  it('never arms after it is disposed (the sheet was answered or closed during the countdown)', () => {
    const onChange = vi.fn();
    const gate = new ArmingGate(onChange, 600);
    gate.restart();
    vi.advanceTimersByTime(300);
    gate.dispose();
    vi.advanceTimersByTime(1_000);
    gate.restart();
    vi.advanceTimersByTime(1_000);
    expect(gate.armed).toBe(false);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
