import { describe, expect, it } from 'vitest';
import { axisRange, clamp, resist } from '../../../miniprogram/view/components/movable-bounds';
import { lastIndex, slotOf } from '../../../miniprogram/view/components/swiper-motion';
import { displayedText } from '../../../miniprogram/view/components/text-content';

describe('text space and decode', () => {
  it('replaces each written space by the chosen kind, and leaves them for an unknown kind', () => {
    expect(displayedText('a  b', 'ensp', false)).toBe('a\u2002\u2002b');
    expect(displayedText('a b', 'emsp', false)).toBe('a\u2003b');
    expect(displayedText('a b', 'nbsp', false)).toBe('a\u00a0b');
    expect(displayedText('a  b', 'wide', false)).toBe('a  b');
  });
  it("decodes WeChat's seven entities in one pass and nothing else", () => {
    expect(displayedText('&lt;&gt;&amp;&apos;&nbsp;&ensp;&emsp;', '', true)).toBe("<>&'\u00a0\u2002\u2003");
    expect(displayedText('&amp;lt; &quot; &#60;', '', true)).toBe('&lt; &quot; &#60;');
    expect(displayedText('&lt;', '', false)).toBe('&lt;');
  });
  it('decodes before spacing, so a decoded &nbsp; stays a no-break space', () => {
    expect(displayedText('&nbsp; x', 'emsp', true)).toBe('\u00a0\u2003x');
  });
});

describe('swiper slots', () => {
  const round = { count: 4, shown: 1, circular: true };
  it('puts the last item before the first of a circular swiper, and the first after the last', () => {
    expect([0, 1, 2, 3].map((i) => slotOf(i, 0, round))).toEqual([0, 1, 2, -1]);
    expect([0, 1, 2, 3].map((i) => slotOf(i, 3, round))).toEqual([1, 2, -1, 0]);
    // halfway from the last round to the first: both in sight, side by side
    expect(slotOf(3, 3.5, round)).toBe(-0.5);
    expect(slotOf(0, 3.5, round)).toBe(0.5);
  });
  it('leaves a swiper that does not go round in order, and stops it at the last full window', () => {
    const row = { count: 3, shown: 2, circular: false };
    expect([0, 1, 2].map((i) => slotOf(i, 1, row))).toEqual([-1, 0, 1]);
    expect(lastIndex(row)).toBe(1);
    expect(lastIndex({ ...row, circular: true })).toBe(2);
  });
});

describe('movable-view bounds', () => {
  it('keeps a view smaller than its area inside it, and a larger one covering it', () => {
    expect(axisRange(300, 60, 1)).toEqual([0, 240]);
    // 60 px scaled 2x about its centre: drawn 120 px from x - 30
    expect(axisRange(300, 60, 2)).toEqual([30, 210]);
    expect(axisRange(100, 60, 2)).toEqual([10, 30]);
  });
  it('clamps, and lets an out-of-bounds drag follow at a third past the edge', () => {
    expect(clamp(-5, [0, 240])).toBe(0);
    expect(resist(-30, [0, 240])).toBe(-10);
    expect(resist(270, [0, 240])).toBe(250);
    expect(resist(100, [0, 240])).toBe(100);
  });
});
