import { describe, expect, test } from 'vitest';
import { DevtoolsForwarder, DEVTOOLS_FLUSH_MS } from '../../../miniprogram/view/devtools-forwarder';
import type { DevReport, DevtoolsFrame } from '../../../core/contracts/devtools';

const row = (i: number): DevReport => ({ kind: 'setData', at: i, target: 'pages/a/a', targetKind: 'page', keys: ['n'], keyCount: 1, bytes: 7, ms: 1, preview: '{"n":1}' });

describe('the view batches inspector reports for the bridge', () => {
  test('reports wait up to the flush delay and travel as one frame; a full batch goes at once', async () => {
    const frames: DevtoolsFrame[] = [];
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const forwarder = new DevtoolsForwarder((f) => frames.push(f), (fn, ms) => (timers.push({ fn, ms }), 0 as unknown as ReturnType<typeof setTimeout>));
    forwarder.add(row(1));
    forwarder.add(row(2));
    expect(frames).toEqual([]);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(DEVTOOLS_FLUSH_MS);
    timers[0]!.fn();
    expect(frames).toEqual([{ v: 1, devtools: [row(1), row(2)] }]);
    for (let i = 0; i < 64; i++) forwarder.add(row(100 + i));
    expect(frames).toHaveLength(2);
    expect(frames[1]!.devtools).toHaveLength(64);
  });

  test('with the real timer (called as a plain function, as browsers require)', async () => {
    const frames: DevtoolsFrame[] = [];
    const forwarder = new DevtoolsForwarder((f) => frames.push(f));
    forwarder.add(row(1));
    await new Promise((r) => setTimeout(r, DEVTOOLS_FLUSH_MS + 50));
    expect(frames).toEqual([{ v: 1, devtools: [row(1)] }]);
  });

  test('without a host hook (a page opened outside the shell) nothing is kept', () => {
    const forwarder = new DevtoolsForwarder(undefined);
    forwarder.add(row(1));
    forwarder.flush();
  });
});
