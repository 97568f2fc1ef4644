import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../../core/contracts/sheets';
import { sheetCopy } from '../../../renderer/lib/sheet-copy';

const app = { appId: 'shop_app', name: 'Shop' };
const payment = (amount: number, balance: number): Sheet => ({
  kind: 'payment', app, merchant: 'Acme', description: 'Tea', amount, currency: 'CNY', balance, outTradeNo: 'T1',
});

describe('sheetCopy', () => {
  it('names the app and what it asks for', () => {
    expect(sheetCopy({ kind: 'userProfile', app, desc: 'x', profile: { nickName: 'n', avatarUrl: '', gender: 0, country: '', province: '', city: '', language: 'en' } }).title).toBe('Shop requests your profile');
    expect(sheetCopy({ kind: 'phoneNumber', app, maskedPhone: '1' }).title).toBe('Shop requests your phone number');
    expect(sheetCopy({ kind: 'authorize', app, scope: 'scope.userInfo', label: 'Profile' })).toEqual({ title: 'Shop requests permission', confirm: 'Allow', cancel: 'Deny' });
    expect(sheetCopy({ kind: 'openSetting', app, scopes: [] }).confirm).toBe('Done');
  });

  it('lets a payment be confirmed when the balance covers it, exactly at the limit too', () => {
    expect(sheetCopy(payment(1234, 100000))).toEqual({ title: 'Shop requests a payment', confirm: 'Pay ¥12.34', cancel: 'Cancel' });
    expect(sheetCopy(payment(500, 500)).blocked).toBeUndefined();
  });

  it('blocks a payment the wallet cannot cover and says by how much', () => {
    expect(sheetCopy(payment(899900, 100000)).blocked).toBe('Not enough balance: this costs ¥8,999.00 and your wallet holds ¥1,000.00 (¥7,999.00 short).');
    const virtual: Sheet = { kind: 'virtualPayment', app, mode: 'short_series_coin', quantity: 3, amount: 301, balance: 300, outTradeNo: 'V1' };
    expect(sheetCopy(virtual).blocked).toMatch(/\(¥0\.01 short\)/);
  });
});
