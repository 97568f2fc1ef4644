import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../core/contracts/shell-api';
import { fieldsFromProfile, profileFromFields } from '../../../renderer/lib/profile-form';

const profile: Profile = {
  nickName: 'Lin',
  avatarUrl: '',
  gender: 2,
  country: 'China',
  province: 'Guangdong',
  city: 'Shenzhen',
  language: 'zh_CN',
  phoneNumber: '13800138000',
  countryCode: '86',
};

describe('profile form', () => {
  it('round-trips a profile through the form fields', () => {
    expect(profileFromFields(fieldsFromProfile(profile))).toEqual({ ok: true, profile });
  });

  it('tidies what people type: spaces and dashes in the phone, a leading + on the country code', () => {
    const result = profileFromFields({ ...fieldsFromProfile(profile), phoneNumber: '138 0013-8000', countryCode: '+86', nickName: '  Lin ' });
    expect(result).toEqual({ ok: true, profile });
  });

  it('names each bad field with what to enter, and only those', () => {
    const result = profileFromFields({ ...fieldsFromProfile(profile), phoneNumber: '12ab', countryCode: '86000', gender: '7', nickName: ' ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['countryCode', 'gender', 'nickName', 'phoneNumber']);
    expect(result.errors.phoneNumber).toBe('Enter 5 to 20 digits, optionally starting with "+", e.g. 13800138000.');
    expect(result.errors.countryCode).toBe('Enter 1 to 4 digits without "+", e.g. 86.');
    expect(result.errors.nickName).toBe('Enter a nickname.');
  });
});
