import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeScheduler, type BridgePace } from '../../../web/bridge-scheduler';

/** Turn-taking between bridge sockets and the pace of a backlog while another app is calling. */

const PACE: BridgePace = { sharedRate: 2_000, sharedBurst: 32, activeWindowMs: 100 };

// The clock and the pace's timers are fake; turns (setImmediate) are real, so a test can run them one by one.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

function scheduler(): BridgeScheduler {
  return new BridgeScheduler(PACE, () => Date.now());
}

/** Lets the scheduler take `turns` turns without moving the clock. */
async function settle(turns = 600): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Moves the clock `ms` milliseconds, one at a time, with the turns each millisecond's timers make due. */
async function elapse(ms: number): Promise<void> {
  for (let i = 0; i < ms; i++) {
    vi.advanceTimersByTime(1);
    await settle(4);
  }
}

describe('bridge turns', () => {
  it("takes one message per socket per turn, so another app's message is handled before a backlog's second", async () => {
    const turns = scheduler();
    const handled: string[] = [];
    const flood = turns.open<string>('flood', (m) => handled.push(m));
    const quiet = turns.open<string>('quiet', (m) => handled.push(m));
    for (let i = 1; i <= 5; i++) flood.push(`flood ${i}`);
    quiet.push('quiet 1');
    await settle(2);
    expect(handled).toEqual(['flood 1', 'quiet 1', 'flood 2']);
    await settle();
    expect(handled).toHaveLength(6);
  });

  it('an app alone is never paced: a backlog of 500 goes through without waiting for the clock', async () => {
    const turns = scheduler();
    let handled = 0;
    const inbox = turns.open<number>('alone', () => handled++);
    for (let i = 0; i < 500; i++) inbox.push(i);
    await settle();
    expect(handled).toBe(500);
    expect(inbox.waiting).toBe(0);
  });

  it('while another app is calling, a backlog hands over its burst, then 2,000 a second', async () => {
    const turns = scheduler();
    let floodHandled = 0;
    const flood = turns.open<number>('flood', () => floodHandled++);
    const quiet = turns.open<number>('quiet', () => undefined);
    quiet.push(0);
    for (let i = 0; i < 500; i++) flood.push(i);
    await settle();
    // the burst (32) and what its own turns took (the quiet message counted it as calling)
    expect(floodHandled).toBeGreaterThanOrEqual(32);
    expect(floodHandled).toBeLessThanOrEqual(33);
    const afterBurst = floodHandled;
    await elapse(50);
    // 50 ms at 2,000 a second: 100 more (the window of activity is 100 ms, so the quiet app still counts)
    expect(floodHandled - afterBurst).toBeGreaterThanOrEqual(98);
    expect(floodHandled - afterBurst).toBeLessThanOrEqual(102);
    // once the quiet app has been silent for its window, the rest goes through at once
    await elapse(60);
    await settle();
    expect(floodHandled).toBe(500);
  });

  it('a page that waits for each answer is never paced, whatever its rate, while another app floods', async () => {
    const turns = scheduler();
    const flood = turns.open<number>('flood', () => undefined);
    for (let i = 0; i < 5_000; i++) flood.push(i);
    let quietHandled = 0;
    const quiet = turns.open<number>('quiet', () => quietHandled++);
    for (let i = 1; i <= 200; i++) {
      quiet.push(i);
      await settle(1);
      // handled in the turn after it arrived: no timer had to fire
      expect(quietHandled).toBe(i);
    }
    expect(flood.waiting).toBeGreaterThan(4_000);
  });

  it('a closed socket drops what it still had waiting and is handed nothing more', async () => {
    const turns = scheduler();
    const handled: number[] = [];
    const inbox = turns.open<number>('a', (m) => handled.push(m));
    const other = turns.open<number>('b', () => undefined);
    other.push(0);
    for (let i = 0; i < 100; i++) inbox.push(i);
    await settle();
    inbox.close();
    const before = handled.length;
    inbox.push(1_000);
    await elapse(200);
    await settle();
    expect(handled).toHaveLength(before);
    expect(inbox.waiting).toBe(0);
  });

  it('a handler that throws costs that message only: the next ones are still handled', async () => {
    const turns = scheduler();
    const handled: number[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const inbox = turns.open<number>('a', (m) => {
      if (m === 2) throw new Error('broken message');
      handled.push(m);
    });
    for (let i = 1; i <= 3; i++) inbox.push(i);
    await settle();
    expect(handled).toEqual([1, 3]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
