import type { AppInfo } from '../contracts/app';
import type { GetUserInfoParams, GetUserProfileParams, PhoneNumberResult, UserInfo, UserInfoResult } from '../contracts/apis';
import { ApiError, Errno } from '../contracts/errors';
import type { Profile } from '../contracts/shell-api';
import type { Accounts } from './accounts';
import { seconds, sheetApp, type PlatformContext } from './context';
import type { Session } from './records';
import type { Sessions } from './sessions';
import { encryptUserData, sha1Hex } from './wx-crypto';

/**
 * Decision: getUserInfo and getUserProfile both require a valid wx.login session.
 * WeChat's signature is sha1(rawData + session_key); without a session there is no honest value to
 * put in the required `signature` field, and a signature over an empty key would verify against
 * nothing a server holds. So the app is told plainly to log in first.
 */
export const LOGIN_REQUIRED = 'login required: call wx.login first';

export function toUserInfo(p: Profile): UserInfo {
  // Fixed field order: rawData is what the server hashes, so it must be reproducible.
  return { nickName: p.nickName, avatarUrl: p.avatarUrl, gender: p.gender, country: p.country, province: p.province, city: p.city, language: p.language };
}

/** "138****8000": enough for the user to recognise the number, not enough to read it off a screenshot. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+/, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const keepStart = Math.min(3, digits.length - 4);
  return digits.slice(0, keepStart) + '****' + digits.slice(-4);
}

export interface UserData {
  getUserInfo(app: AppInfo, params: GetUserInfoParams): Promise<UserInfoResult>;
  getUserProfile(app: AppInfo, params: GetUserProfileParams): Promise<UserInfoResult>;
  getPhoneNumber(app: AppInfo): Promise<PhoneNumberResult>;
}

export function createUserData(ctx: PlatformContext, accounts: Accounts, sessions: Sessions): UserData {
  const requireSession = (app: AppInfo): Session => {
    const s = sessions.current(app.appId);
    if (!s) throw new ApiError(LOGIN_REQUIRED);
    return s;
  };

  const build = (app: AppInfo, session: Session, withCredentials: boolean): UserInfoResult => {
    const userInfo = toUserInfo(accounts.profile());
    const rawData = JSON.stringify(userInfo);
    const result: UserInfoResult = { userInfo, rawData, signature: sha1Hex(rawData + session.sessionKey) };
    if (withCredentials) {
      const iv = ctx.random(16);
      const payload = JSON.stringify({ ...userInfo, watermark: { appid: app.appId, timestamp: seconds(ctx.clock.now()) } });
      result.encryptedData = encryptUserData(session.sessionKey, iv, payload);
      result.iv = iv.toString('base64');
    }
    return result;
  };

  return {
    async getUserInfo(app, params) {
      // scope.userInfo was already enforced by the dispatcher; withCredentials:false asks for no ciphertext.
      return build(app, requireSession(app), params.withCredentials !== false);
    },
    async getUserProfile(app, params) {
      requireSession(app);
      const profile = toUserInfo(accounts.profile());
      const answer = await ctx.ask(app, { kind: 'userProfile', app: sheetApp(app), desc: params.desc, profile });
      ctx.ledger.recordConsent(app.appId, 'userProfile', answer.confirmed, 'getUserProfile');
      if (!answer.confirmed) throw new ApiError('auth deny', { errno: Errno.authDeny });
      // Re-read the session: a wx.login while the sheet was open rotates the key the server will hold.
      return build(app, requireSession(app), true);
    },
    async getPhoneNumber(app) {
      const { phoneNumber, countryCode } = accounts.profile();
      const answer = await ctx.ask(app, { kind: 'phoneNumber', app: sheetApp(app), maskedPhone: maskPhone(phoneNumber) });
      ctx.ledger.recordConsent(app.appId, 'phoneNumber', answer.confirmed, 'getPhoneNumber');
      if (!answer.confirmed) throw new ApiError('user deny', { errno: Errno.authDeny });
      return { code: sessions.issuePhoneCode(app.appId, { phoneNumber, countryCode }) };
    },
  };
}
