import { describe, expect, it } from 'vitest';
import { describeMock, parseMockForm, type MockFormFields } from '../../../renderer/lib/mock-form';

const base: MockFormFields = { appId: 'shop_app', api: 'requestPayment', apiName: '', type: 'succeed', result: '', errMsg: '', ms: '' };
const apps = ['shop_app', 'news_app'];

describe('parseMockForm', () => {
  it('builds a succeed rule from a JSON object, {} when left empty', () => {
    expect(parseMockForm({ ...base, api: 'login', result: '{"code":"mock-code"}' }, apps)).toEqual({
      ok: true,
      rule: { appId: 'shop_app', api: 'login', action: { type: 'succeed', result: { code: 'mock-code' } }, enabled: true },
    });
    const empty = parseMockForm(base, apps);
    expect(empty.ok && empty.rule.action).toEqual({ type: 'succeed', result: {} });
  });

  it('builds fail and delay rules, and keeps apiName for invokeNativePlugin', () => {
    const fail = parseMockForm({ ...base, type: 'fail', errMsg: ' requestPayment:fail no balance ' }, apps);
    expect(fail.ok && fail.rule.action).toEqual({ type: 'fail', errMsg: 'requestPayment:fail no balance' });
    const delay = parseMockForm({ ...base, type: 'delay', ms: '1500' }, apps);
    expect(delay.ok && delay.rule.action).toEqual({ type: 'delay', ms: 1500 });
    const custom = parseMockForm({ ...base, api: 'invokeNativePlugin', apiName: 'getDeviceToken', result: '{"token":"t"}' }, apps);
    expect(custom.ok && custom.rule.apiName).toBe('getDeviceToken');
  });

  it('says what is wrong with the result JSON', () => {
    const notJson = parseMockForm({ ...base, result: '{code: 1}' }, apps);
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.errors[0]).toMatch(/^Result is not valid JSON .*write an object/);
    for (const result of ['[1,2]', '"text"', 'null', '42']) {
      const bad = parseMockForm({ ...base, result }, apps);
      expect(!bad.ok && bad.errors).toEqual(['Result must be a JSON object such as {"code": "mock"}, not an array or a single value.']);
    }
  });

  it('lists every problem at once, each with what to do', () => {
    const result = parseMockForm({ appId: '', api: 'wx.pay', apiName: 'x', type: 'delay', result: '', errMsg: '', ms: '-5' }, apps);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]).toBe('Choose the app the rule applies to.');
    expect(result.errors[1]).toMatch(/^"wx\.pay" is not an API the shell dispatches: use one of login, /);
    expect(result.errors[2]).toBe('Custom API name only applies to invokeNativePlugin: clear it or change the API.');
    expect(result.errors[3]).toBe('Delay must be a whole number of milliseconds from 0 to 120000.');
  });

  it('refuses an app that is not installed, a missing errMsg, an out-of-range delay and an unknown action', () => {
    expect(parseMockForm({ ...base, appId: 'ghost_app' }, apps)).toEqual({ ok: false, errors: ['App "ghost_app" is not installed: choose one from the list.'] });
    expect(parseMockForm({ ...base, type: 'fail' }, apps)).toEqual({ ok: false, errors: ['Enter the errMsg the app should receive, e.g. "requestPayment:fail no balance".'] });
    expect(parseMockForm({ ...base, type: 'delay', ms: '120001' }, apps).ok).toBe(false);
    expect(parseMockForm({ ...base, type: 'delay', ms: '1.5' }, apps).ok).toBe(false);
    expect(parseMockForm({ ...base, type: 'delay', ms: '' }, apps).ok).toBe(false);
    expect(parseMockForm({ ...base, type: 'explode' }, apps)).toEqual({ ok: false, errors: ['Choose what the rule does: succeed, fail or delay.'] });
  });

  it('describes a rule in one line for the list', () => {
    expect(describeMock({ id: '1', appId: 'a', api: 'login', action: { type: 'succeed', result: { code: 'x' } }, enabled: true })).toBe('login succeeds with {"code":"x"}');
    expect(describeMock({ id: '2', appId: 'a', api: 'invokeNativePlugin', apiName: 'scan', action: { type: 'fail', errMsg: 'e' }, enabled: true })).toBe('invokeNativePlugin (scan) fails with "e"');
    expect(describeMock({ id: '3', appId: 'a', api: 'login', action: { type: 'delay', ms: 20 }, enabled: true })).toBe('login is delayed 20 ms');
  });
});
