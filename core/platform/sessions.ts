import type { DataStore } from '../contracts/ports';
import type { PlatformContext } from './context';
import { KEYS, LoginCodesDoc, PhoneCodesDoc, SessionsDoc, type Session } from './records';
import { ownEntry, putOwn } from './own-keys';
import { storeDoc } from './store-doc';
import { randomHex } from './wx-crypto';

/** WeChat's lifetimes: a code is good for one exchange within 5 minutes; a session for days. */
export const CODE_TTL_MS = 5 * 60 * 1000;
export const SESSION_TTL_MS = 3 * 24 * 60 * 60 * 1000;

export interface PhoneGrant {
  phoneNumber: string;
  countryCode: string;
}

export interface Sessions {
  /** starts a new session for the app (rotating its session_key) and returns a fresh login code */
  login(appId: string): string;
  /** the app's session while it is valid */
  current(appId: string): Session | undefined;
  /** consumes a login code of this app: undefined when unknown, used, expired or another app's */
  redeemLoginCode(appId: string, code: string): Session | undefined;
  issuePhoneCode(appId: string, phone: PhoneGrant): string;
  redeemPhoneCode(appId: string, code: string): PhoneGrant | undefined;
  forgetApp(appId: string): void;
}

export function createSessions(store: DataStore, ctx: PlatformContext): Sessions {
  const sessions = storeDoc(store, KEYS.sessions, SessionsDoc, () => ({}));
  const loginCodes = storeDoc(store, KEYS.loginCodes, LoginCodesDoc, () => ({}));
  const phoneCodes = storeDoc(store, KEYS.phoneCodes, PhoneCodesDoc, () => ({}));

  const valid = (s: Session | undefined): Session | undefined => (s && ctx.clock.now() < s.expiresAt ? s : undefined);

  // Expired codes are dropped whenever the code table is written, so it never grows without bound.
  const pruneCodes = <T extends { expiresAt: number }>(codes: Record<string, T>): void => {
    const now = ctx.clock.now();
    for (const [code, entry] of Object.entries(codes)) if (entry.expiresAt <= now) delete codes[code];
  };

  return {
    login(appId) {
      const now = ctx.clock.now();
      // the new session and its code are one change: a crash between them must not leave a code for a key nobody holds
      return store.transaction(() => {
        sessions.update((all) => {
          putOwn(all, appId, { sessionKey: ctx.random(16).toString('base64'), issuedAt: now, expiresAt: now + SESSION_TTL_MS });
        });
        const code = randomHex(ctx.random, 16);
        loginCodes.update((codes) => {
          pruneCodes(codes);
          putOwn(codes, code, { appId, expiresAt: now + CODE_TTL_MS });
        });
        return code;
      });
    },
    current: (appId) => valid(ownEntry(sessions.read(), appId)),
    redeemLoginCode(appId, code) {
      const entry = loginCodes.update((codes) => {
        pruneCodes(codes);
        const found = ownEntry(codes, code);
        // Another app's code stays unused: it was not this app's to spend.
        if (!found || found.appId !== appId) return undefined;
        delete codes[code];
        return found;
      });
      // The server gets the app's current session_key: a later wx.login may have rotated it, and
      // the key the mini program's data is encrypted with is always the current one.
      return entry ? valid(ownEntry(sessions.read(), appId)) : undefined;
    },
    issuePhoneCode(appId, phone) {
      const code = randomHex(ctx.random, 16);
      phoneCodes.update((codes) => {
        pruneCodes(codes);
        putOwn(codes, code, { appId, expiresAt: ctx.clock.now() + CODE_TTL_MS, ...phone });
      });
      return code;
    },
    redeemPhoneCode(appId, code) {
      return phoneCodes.update((codes) => {
        pruneCodes(codes);
        const found = ownEntry(codes, code);
        if (!found || found.appId !== appId) return undefined;
        delete codes[code];
        return { phoneNumber: found.phoneNumber, countryCode: found.countryCode };
      });
    },
    forgetApp(appId) {
      store.transaction(() => {
        sessions.update((all) => void delete all[appId]);
        for (const doc of [loginCodes, phoneCodes]) {
          doc.update((codes) => {
            for (const [code, entry] of Object.entries(codes)) if (entry.appId === appId) delete codes[code];
          });
        }
      });
    },
  };
}
