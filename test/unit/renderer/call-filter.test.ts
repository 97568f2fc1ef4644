import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../core/contracts/shell-api';
import { appIdsOf, filterCalls, mergeCalls, NO_FILTER } from '../../../renderer/lib/call-filter';

const call = (seq: number, over: Partial<CallRecord> = {}): CallRecord => ({
  seq,
  at: 1_700_000_000_000 + seq,
  appId: 'shop_app',
  webViewId: 1,
  api: 'login',
  params: {},
  outcome: 'ok',
  mocked: false,
  ms: 3,
  ...over,
});

describe('filterCalls', () => {
  const records = [
    call(5, { api: 'requestPayment', outcome: 'cancel', appId: 'shop_app' }),
    call(4, { api: 'invokeNativePlugin', params: { api_name: 'getDeviceToken', data: {} }, appId: 'news_app' }),
    call(3, { api: 'login', appId: 'news_app', outcome: 'fail' }),
    call(2, { api: 'getUserProfile', appId: 'shop_app' }),
  ];

  it('keeps everything with no filter', () => {
    expect(filterCalls(records, NO_FILTER).map((r) => r.seq)).toEqual([5, 4, 3, 2]);
  });

  it('filters by app, outcome and API together', () => {
    expect(filterCalls(records, { ...NO_FILTER, appId: 'news_app' }).map((r) => r.seq)).toEqual([4, 3]);
    expect(filterCalls(records, { ...NO_FILTER, outcome: 'cancel' }).map((r) => r.seq)).toEqual([5]);
    expect(filterCalls(records, { appId: 'news_app', api: '', outcome: 'fail' }).map((r) => r.seq)).toEqual([3]);
    expect(filterCalls(records, { appId: 'shop_app', api: 'login', outcome: '' })).toEqual([]);
  });

  it('matches the API text case-insensitively, including a custom api_name', () => {
    expect(filterCalls(records, { ...NO_FILTER, api: 'PAYMENT' }).map((r) => r.seq)).toEqual([5]);
    expect(filterCalls(records, { ...NO_FILTER, api: 'devicetoken' }).map((r) => r.seq)).toEqual([4]);
    expect(filterCalls(records, { ...NO_FILTER, api: '  user ' }).map((r) => r.seq)).toEqual([2]);
  });
});

describe('mergeCalls', () => {
  it('orders newest first and keeps each seq once when listCalls and live events overlap', () => {
    const merged = mergeCalls([call(1), call(3)], [call(3, { outcome: 'fail' }), call(2), call(4)]);
    expect(merged.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(merged.find((r) => r.seq === 3)?.outcome).toBe('fail');
  });

  it('drops the oldest records beyond the cap', () => {
    const many = Array.from({ length: 10 }, (_, i) => call(i + 1));
    expect(mergeCalls([], many, 3).map((r) => r.seq)).toEqual([10, 9, 8]);
  });

  it('lists the apps seen, sorted', () => {
    expect(appIdsOf([call(1, { appId: 'b_app' }), call(2, { appId: 'a_app' }), call(3, { appId: 'b_app' })])).toEqual(['a_app', 'b_app']);
  });
});
