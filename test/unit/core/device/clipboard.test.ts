import { describe, expect, it } from 'vitest';
import { failureOf, resultOf } from '../dispatcher/harness';
import { deviceHarness } from './device-harness';

describe('wx.setClipboardData', () => {
  it('writes the system clipboard, answers setClipboardData:ok and shows WeChat\'s 1.5 s toast to the calling view', async () => {
    const { h, state } = await deviceHarness();
    const response = await h.call('setClipboardData', { data: 'order #42' });
    expect(resultOf(response)).toEqual({ errMsg: 'setClipboardData:ok' });
    expect(state.clipboard).toBe('order #42');
    expect(state.toasts).toEqual([{ viewId: h.callerA.webViewId, text: '内容已复制', ms: 1500 }]);
  });

  it('refuses non-string data with WeChat\'s parameter error and leaves the clipboard alone', async () => {
    const { h, state } = await deviceHarness();
    state.clipboard = 'kept';
    expect(failureOf(await h.call('setClipboardData', { data: 42 }))).toEqual({
      errMsg: 'setClipboardData:fail parameter error: parameter.data should be String instead of Number;',
      errno: 1001,
    });
    expect(failureOf(await h.call('setClipboardData', {})).errMsg).toBe('setClipboardData:fail parameter error: parameter.data should be String instead of Undefined;');
    expect(state.clipboard).toBe('kept');
    expect(state.toasts).toEqual([]);
  });
});

describe('wx.getClipboardData', () => {
  it('asks once per app in a trusted sheet; allowed, it reads and remembers', async () => {
    const { h, state } = await deviceHarness();
    state.clipboard = 'from another program';
    h.answers.push({ confirmed: true });
    expect(resultOf(await h.call('getClipboardData'))).toEqual({ data: 'from another program', errMsg: 'getClipboardData:ok' });
    expect(h.sheets).toEqual([{ kind: 'clipboardRead', app: { appId: 'app-a', name: 'App app-a' } }]);
    expect(state.permissionsChanged).toBe(1);
    // remembered: the second read does not ask
    state.clipboard = 'changed';
    expect(resultOf(await h.call('getClipboardData'))).toEqual({ data: 'changed', errMsg: 'getClipboardData:ok' });
    expect(h.sheets).toHaveLength(1);
    expect(h.shell.ledger.authSetting('app-a')).toEqual({ 'clipboard.read': true });
    // per app: app-b is asked on its own
    h.answers.push({ confirmed: false });
    expect(failureOf(await h.call('getClipboardData', {}, h.callerB)).errMsg).toBe('getClipboardData:fail privacy permission is not authorized');
    expect(h.sheets).toHaveLength(2);
  });

  it('denied: fails with errno 104 without reading, and keeps failing without asking again', async () => {
    const { h, state } = await deviceHarness();
    state.clipboard = 'secret';
    h.answers.push({ confirmed: false });
    const denied = failureOf(await h.call('getClipboardData'));
    expect(denied).toEqual({ errMsg: 'getClipboardData:fail privacy permission is not authorized', errno: 104 });
    expect(failureOf(await h.call('getClipboardData'))).toEqual(denied);
    expect(h.sheets).toHaveLength(1);
    expect(h.shell.ledger.audit('app-a').map((e) => [e.scope, e.action, e.via])).toEqual([['clipboard.read', 'refuse', 'getClipboardData']]);
  });

  it('a revoked grant fails the next read; getSetting reports WeChat scopes only', async () => {
    const { h } = await deviceHarness();
    h.answers.push({ confirmed: true });
    await h.call('getClipboardData');
    await h.call('authorize', { scope: 'scope.userInfo' });
    expect(resultOf(await h.call('getSetting'))).toEqual({ authSetting: { 'scope.userInfo': true }, errMsg: 'getSetting:ok' });
    h.shell.ledger.revoke('app-a', 'clipboard.read', 'settings');
    expect(failureOf(await h.call('getClipboardData')).errMsg).toBe('getClipboardData:fail privacy permission is not authorized');
  });
});
