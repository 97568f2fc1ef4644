import { describe, expect, it } from 'vitest';
import { EventClock } from '../../../miniprogram/view/event-clock';

describe("the view's event clock", () => {
  it('numbers events, knows which the logic handled, and runs waiters once a batch says so, in order', () => {
    const clock = new EventClock();
    const a = clock.next();
    const b = clock.next();
    expect([a, b]).toEqual([1, 2]);
    const ran: string[] = [];
    clock.whenHandled(b, () => ran.push('b'));
    clock.whenHandled(a, () => ran.push('a'));
    clock.advance(1);
    expect(clock.handled(a)).toBe(true);
    expect(clock.handled(b)).toBe(false);
    expect(ran).toEqual(['a']);
    clock.advance(undefined); // a batch from a logic layer that does not say
    clock.advance(1);
    expect(ran).toEqual(['a']);
    clock.advance(2);
    expect(ran).toEqual(['a', 'b']);
    clock.whenHandled(b, () => ran.push('now'));
    expect(ran).toEqual(['a', 'b', 'now']);
  });
});
