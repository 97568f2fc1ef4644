import { describe, expect, it } from 'vitest';
import { createDevRecords } from '../../../../core/devtools/dev-records';
import { DEVTOOLS_LIMITS, type DevReport } from '../../../../core/contracts/devtools';

const caller = (appId: string, webViewId: number) => ({ appInfo: { appId, name: appId }, webViewId }) as Parameters<ReturnType<typeof createDevRecords>['receive']>[0];
const setData = (i: number, preview = '{"n":1}'): DevReport => ({ kind: 'setData', at: i, target: 'pages/a/a', targetKind: 'page', keys: ['n'], keyCount: 1, bytes: 7, ms: 2, preview });

describe('the inspector records of the views', () => {
  it('keeps every report whole, even at the schema limits (a kept record is always a valid report)', () => {
    const records = createDevRecords();
    const big: DevReport = {
      kind: 'exception',
      at: 5,
      message: 'm'.repeat(DEVTOOLS_LIMITS.message),
      where: 'w'.repeat(DEVTOOLS_LIMITS.where),
      stack: 's'.repeat(DEVTOOLS_LIMITS.stack),
      route: 'r'.repeat(DEVTOOLS_LIMITS.route),
    };
    const keys: DevReport = { ...(setData(6) as Extract<DevReport, { kind: 'setData' }>), keys: Array.from({ length: DEVTOOLS_LIMITS.keys }, (_, i) => `${i}`.padEnd(DEVTOOLS_LIMITS.key, 'k')), preview: 'p'.repeat(DEVTOOLS_LIMITS.preview) };
    expect(records.receive(caller('a', 1), { v: 1, devtools: [big, keys] })).toMatchObject({ ok: true });
    expect(records.list().map((r) => r.report)).toEqual([big, keys]);
  });

  it('is bounded by bytes like the call log: the oldest reports go first, and the newest is always kept', () => {
    const records = createDevRecords({ maxBytes: 4096 });
    for (let i = 0; i < 200; i++) records.receive(caller('a', 1), { v: 1, devtools: [setData(i, `{"n":"${'x'.repeat(100)}"}`)] });
    const kept = records.list();
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThan(20);
    expect(kept.at(-1)!.report.at).toBe(199);
    expect(kept.map((r) => r.report.at)).toEqual(Array.from({ length: kept.length }, (_, i) => 200 - kept.length + i));
  });

  it('a frame over the limits or of an unknown kind is refused whole, naming the field; nothing of it is kept', () => {
    const records = createDevRecords();
    const tooMany = { v: 1, devtools: Array.from({ length: DEVTOOLS_LIMITS.batch + 1 }, (_, i) => setData(i)) };
    expect(records.receive(caller('a', 1), tooMany)).toMatchObject({ ok: false, problem: expect.stringContaining('devtools') });
    expect(records.receive(caller('a', 1), { v: 1, devtools: [setData(1), { kind: 'setData', at: 1 }] })).toMatchObject({ ok: false, problem: expect.stringContaining('devtools.1.') });
    expect(records.receive(caller('a', 1), { v: 2, devtools: [setData(1)] })).toMatchObject({ ok: false, problem: expect.stringContaining('v') });
    expect(records.receive(caller('a', 1), 'text')).toMatchObject({ ok: false });
    expect(records.list()).toEqual([]);
  });

  it('the page stack is the latest per view, attributed to the caller; a closed view forgets it', () => {
    const records = createDevRecords();
    records.receive(caller('a', 1), { v: 1, devtools: [{ kind: 'pageStack', at: 1, pages: [{ route: 'p/a', query: {} }] }] });
    records.receive(caller('b', 2), { v: 1, devtools: [{ kind: 'pageStack', at: 2, pages: [{ route: 'p/b', query: { x: '1' } }] }] });
    records.receive(caller('a', 1), { v: 1, devtools: [{ kind: 'pageStack', at: 3, pages: [{ route: 'p/a', query: {} }, { route: 'p/c', query: {} }] }] });
    expect(records.stacks()).toEqual([
      { appId: 'a', webViewId: 1, at: 3, pages: [{ route: 'p/a', query: {} }, { route: 'p/c', query: {} }] },
      { appId: 'b', webViewId: 2, at: 2, pages: [{ route: 'p/b', query: { x: '1' } }] },
    ]);
    records.viewClosed(1);
    expect(records.stacks().map((s) => s.webViewId)).toEqual([2]);
  });
});
