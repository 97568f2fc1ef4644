import { describe, expect, it } from 'vitest';
import { failureOf, harness, resultOf } from '../dispatcher/harness';

describe('getUserInfo scope gate', () => {
  it('never asked -> "getUserInfo:fail scope unauthorized" (errno 104), handler not called', async () => {
    const h = harness();
    expect(failureOf(await h.call('getUserInfo'))).toEqual({ errMsg: 'getUserInfo:fail scope unauthorized', errno: 104 });
    expect(h.openApi.getUserInfo).not.toHaveBeenCalled();
  });

  it('refused -> "getUserInfo:fail auth deny" (errno 103)', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', false, 'authorize');
    expect(failureOf(await h.call('getUserInfo'))).toEqual({ errMsg: 'getUserInfo:fail auth deny', errno: 103 });
  });

  it('revoked in Settings -> auth deny', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    expect(resultOf(await h.call('getUserInfo')).errMsg).toBe('getUserInfo:ok');
    h.shell.ledger.revoke('app-a', 'scope.userInfo', 'settings');
    expect(failureOf(await h.call('getUserInfo'))).toEqual({ errMsg: 'getUserInfo:fail auth deny', errno: 103 });
  });
});

describe('authorize', () => {
  it('asks once with a trusted sheet naming the app and the scope, then remembers the grant', async () => {
    const h = harness();
    expect(resultOf(await h.call('authorize', { scope: 'scope.userInfo' }))).toEqual({ errMsg: 'authorize:ok' });
    expect(h.sheets).toEqual([
      { kind: 'authorize', app: { appId: 'app-a', name: 'App app-a' }, scope: 'scope.userInfo', label: 'Your profile (nickname, avatar, region)' },
    ]);
    expect(resultOf(await h.call('authorize', { scope: 'scope.userInfo' })).errMsg).toBe('authorize:ok');
    expect(h.sheets).toHaveLength(1);
    expect(resultOf(await h.call('getUserInfo')).errMsg).toBe('getUserInfo:ok');
    expect(h.shell.ledger.audit('app-a')).toEqual([expect.objectContaining({ action: 'grant', scope: 'scope.userInfo', via: 'authorize' })]);
  });

  it('a refusal answers "authorize:fail auth deny" and is remembered: no second prompt', async () => {
    const h = harness();
    h.answers.push({ confirmed: false });
    expect(failureOf(await h.call('authorize', { scope: 'scope.userInfo' }))).toEqual({ errMsg: 'authorize:fail auth deny', errno: 103 });
    expect(failureOf(await h.call('authorize', { scope: 'scope.userInfo' }))).toEqual({ errMsg: 'authorize:fail auth deny', errno: 103 });
    expect(h.sheets).toHaveLength(1);
    expect(h.shell.ledger.audit('app-a').map((e) => e.action)).toEqual(['refuse']);
  });

  it('each app decides for itself', async () => {
    const h = harness();
    await h.call('authorize', { scope: 'scope.userInfo' }, h.callerA);
    expect(resultOf(await h.call('getSetting', {}, h.callerB)).authSetting).toEqual({});
    await h.call('authorize', { scope: 'scope.userInfo' }, h.callerB);
    expect(h.sheets).toHaveLength(2);
  });
});

describe('getSetting', () => {
  it('returns the app authSetting', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    h.shell.ledger.decide('app-a', 'scope.camera', false, 'authorize');
    expect(resultOf(await h.call('getSetting'))).toEqual({
      authSetting: { 'scope.userInfo': true, 'scope.camera': false },
      errMsg: 'getSetting:ok',
    });
  });
});

describe('openSetting', () => {
  it('shows every scope the app has a decision for and applies the toggles: off revokes, on grants', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    h.shell.ledger.decide('app-a', 'scope.camera', false, 'authorize');
    h.answers.push({ confirmed: true, authSetting: { 'scope.userInfo': false, 'scope.camera': true } });
    expect(resultOf(await h.call('openSetting'))).toEqual({
      authSetting: { 'scope.userInfo': false, 'scope.camera': true },
      errMsg: 'openSetting:ok',
    });
    expect(h.sheets).toEqual([
      {
        kind: 'openSetting',
        app: { appId: 'app-a', name: 'App app-a' },
        scopes: [
          { scope: 'scope.userInfo', label: 'Your profile (nickname, avatar, region)', granted: true },
          { scope: 'scope.camera', label: 'The camera', granted: false },
        ],
      },
    ]);
    expect(h.shell.ledger.audit('app-a').slice(2)).toEqual([
      expect.objectContaining({ scope: 'scope.userInfo', action: 'revoke', via: 'openSetting' }),
      expect.objectContaining({ scope: 'scope.camera', action: 'grant', via: 'openSetting' }),
    ]);
    expect(failureOf(await h.call('getUserInfo')).errMsg).toBe('getUserInfo:fail auth deny');
  });

  it('cannot grant a scope the page never showed', async () => {
    const h = harness();
    h.answers.push({ confirmed: true, authSetting: { 'scope.userInfo': true } });
    expect(resultOf(await h.call('openSetting')).authSetting).toEqual({});
    expect(failureOf(await h.call('getUserInfo')).errMsg).toBe('getUserInfo:fail scope unauthorized');
  });

  it('closing the page without confirming changes nothing and still answers ok', async () => {
    const h = harness();
    h.shell.ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    h.answers.push({ confirmed: false, authSetting: { 'scope.userInfo': false } });
    expect(resultOf(await h.call('openSetting'))).toEqual({ authSetting: { 'scope.userInfo': true }, errMsg: 'openSetting:ok' });
  });

  it('after a refusal, openSetting is how the user changes their mind', async () => {
    const h = harness();
    h.answers.push({ confirmed: false });
    await h.call('authorize', { scope: 'scope.userInfo' });
    h.answers.push({ confirmed: true, authSetting: { 'scope.userInfo': true } });
    await h.call('openSetting');
    expect(resultOf(await h.call('authorize', { scope: 'scope.userInfo' })).errMsg).toBe('authorize:ok');
    expect(h.sheets.map((s) => s.kind)).toEqual(['authorize', 'openSetting']);
  });
});
