import { describe, expect, it } from 'vitest';
import { CONSENT_STORE_KEY, createConsentLedger } from '../../../../core/consent/ledger';
import { memoryStore } from '../../../support/memory-store';

const clockAt = (start: number) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe('ConsentLedger', () => {
  it('remembers decisions per app across restarts', () => {
    const store = memoryStore();
    const ledger = createConsentLedger(store, clockAt(1_000));
    ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    ledger.decide('app-a', 'scope.userPhoneNumber', false, 'authorize');
    const reopened = createConsentLedger(store, clockAt(2_000));
    expect(reopened.authSetting('app-a')).toEqual({ 'scope.userInfo': true, 'scope.userPhoneNumber': false });
    expect(reopened.authSetting('app-b')).toEqual({});
  });

  it('keeps an audit trail of every grant, refusal, revoke, consent and decline with time and via', () => {
    const clock = clockAt(1_000);
    const ledger = createConsentLedger(memoryStore(), clock);
    ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    clock.advance(10);
    ledger.revoke('app-a', 'scope.userInfo', 'settings');
    clock.advance(10);
    ledger.decide('app-a', 'scope.userInfo', false, 'authorize');
    ledger.recordConsent('app-b', 'userProfile', true, 'getUserProfile');
    ledger.recordConsent('app-b', 'phoneNumber', false, 'getPhoneNumber');
    expect(ledger.audit()).toEqual([
      { at: 1_000, appId: 'app-a', scope: 'scope.userInfo', action: 'grant', via: 'authorize' },
      { at: 1_010, appId: 'app-a', scope: 'scope.userInfo', action: 'revoke', via: 'settings' },
      { at: 1_020, appId: 'app-a', scope: 'scope.userInfo', action: 'refuse', via: 'authorize' },
      { at: 1_020, appId: 'app-b', scope: 'userProfile', action: 'consent', via: 'getUserProfile' },
      { at: 1_020, appId: 'app-b', scope: 'phoneNumber', action: 'decline', via: 'getPhoneNumber' },
    ]);
    expect(ledger.audit('app-b')).toHaveLength(2);
    // one-off consents do not touch authSetting
    expect(ledger.authSetting('app-b')).toEqual({});
  });

  it('revoking something never granted changes nothing and records nothing', () => {
    const ledger = createConsentLedger(memoryStore(), clockAt(0));
    ledger.revoke('app-a', 'scope.userInfo', 'settings');
    expect(ledger.authSetting('app-a')).toEqual({});
    expect(ledger.audit()).toEqual([]);
  });

  it('forgetApp drops the grants (a reinstall asks again) but keeps the audit trail', () => {
    const ledger = createConsentLedger(memoryStore(), clockAt(0));
    ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    ledger.forgetApp('app-a');
    expect(ledger.authSetting('app-a')).toEqual({});
    expect(ledger.audit('app-a')).toHaveLength(1);
  });

  it('returns copies: editing an answer does not edit the ledger', () => {
    const ledger = createConsentLedger(memoryStore(), clockAt(0));
    ledger.decide('app-a', 'scope.userInfo', false, 'authorize');
    ledger.authSetting('app-a')['scope.userInfo'] = true;
    expect(ledger.authSetting('app-a')['scope.userInfo']).toBe(false);
  });

  it('corrupt stored data gives a clear error and is never overwritten', () => {
    const corrupt = { v: 1, apps: { 'app-a': { 'scope.userInfo': 'yes' } }, audit: [] };
    const store = memoryStore({ [CONSENT_STORE_KEY]: corrupt });
    const ledger = createConsentLedger(store, clockAt(0));
    expect(() => ledger.authSetting('app-a')).toThrow(
      /consent ledger stored under "consent" is unreadable \(apps\.app-a\.scope\.userInfo: .*\)\. Nothing was changed/,
    );
    expect(() => ledger.decide('app-a', 'scope.userInfo', true, 'authorize')).toThrow(/unreadable/);
    expect(store.get(CONSENT_STORE_KEY)).toEqual(corrupt);
  });

  it('a failed write leaves the ledger as it was', () => {
    const store = memoryStore();
    const ledger = createConsentLedger(store, clockAt(0));
    ledger.decide('app-a', 'scope.userInfo', true, 'authorize');
    store.set = () => {
      throw new Error('disk full');
    };
    expect(() => ledger.revoke('app-a', 'scope.userInfo', 'settings')).toThrow('disk full');
    expect(ledger.authSetting('app-a')).toEqual({ 'scope.userInfo': true });
    expect(ledger.audit()).toHaveLength(1);
  });
});
