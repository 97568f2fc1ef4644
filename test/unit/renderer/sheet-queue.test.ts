import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../core/contracts/sheets';
import { SheetQueue } from '../../../renderer/lib/sheet-queue';

const phone = (appId: string): Sheet => ({ kind: 'phoneNumber', app: { appId, name: appId }, maskedPhone: '138****8000' });

describe('SheetQueue', () => {
  it('shows sheets one at a time, first come first served, and counts the waiting ones', () => {
    const queue = new SheetQueue();
    queue.add({ sheetId: 'a', viewId: 1, sheet: phone('one') });
    queue.add({ sheetId: 'b', viewId: 2, sheet: phone('two') });
    queue.add({ sheetId: 'c', viewId: 1, sheet: phone('one') });
    expect(queue.current?.sheetId).toBe('a');
    expect(queue.waiting).toBe(2);
    queue.remove('a');
    expect(queue.current?.sheetId).toBe('b');
    expect(queue.waiting).toBe(1);
  });

  it('ignores a sheet event it already has (replayed after a reconnect)', () => {
    const queue = new SheetQueue();
    queue.add({ sheetId: 'a', viewId: 1, sheet: phone('one') });
    queue.add({ sheetId: 'a', viewId: 1, sheet: phone('one') });
    expect(queue.size).toBe(1);
  });

  it('drops a sheet the host closed even when it is not the one on top', () => {
    const queue = new SheetQueue();
    queue.add({ sheetId: 'a', viewId: 1, sheet: phone('one') });
    queue.add({ sheetId: 'b', viewId: 2, sheet: phone('two') });
    expect(queue.remove('b')?.sheetId).toBe('b');
    expect(queue.remove('b')).toBeUndefined();
    expect(queue.current?.sheetId).toBe('a');
    expect(queue.waiting).toBe(0);
  });

  it('removes every sheet of an app view that exited and tells listeners once per change', () => {
    const queue = new SheetQueue();
    let changes = 0;
    queue.onChange(() => changes++);
    queue.add({ sheetId: 'a', viewId: 1, sheet: phone('one') });
    queue.add({ sheetId: 'b', viewId: 2, sheet: phone('two') });
    queue.add({ sheetId: 'c', viewId: 1, sheet: phone('one') });
    expect(queue.removeView(1).map((s) => s.sheetId)).toEqual(['a', 'c']);
    expect(queue.current?.sheetId).toBe('b');
    expect(changes).toBe(4);
    expect(queue.removeView(9)).toEqual([]);
    expect(changes).toBe(4);
  });
});
