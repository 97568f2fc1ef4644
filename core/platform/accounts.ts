import type { KeyValueStore } from '../contracts/ports';
import { Profile, type Wallet } from '../contracts/shell-api';
import { z } from 'zod';
import type { PlatformContext } from './context';
import { KEYS, LocalUser, WalletDoc } from './records';
import { describeIssues, storeDoc } from './store-doc';
import { randomHex } from './wx-crypto';

/** The wallet of a fresh install: ¥1,000.00, enough to try every sample purchase. */
export const STARTING_BALANCE_FEN = 100_000;

// An inline SVG so the default avatar shows without any network.
const DEFAULT_AVATAR =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="#4f8cff"/>' +
      '<circle cx="32" cy="25" r="11" fill="#fff"/><path d="M12 54c3-11 11-16 20-16s17 5 20 16" fill="#fff"/></svg>',
  );

export const DEFAULT_PROFILE: Profile = {
  nickName: 'Sunny Traveler',
  avatarUrl: DEFAULT_AVATAR,
  gender: 0,
  country: 'China',
  province: 'Guangdong',
  city: 'Shenzhen',
  language: 'en',
  phoneNumber: '13800138000',
  countryCode: '86',
};

/** What updateProfile accepts: any subset of the profile, nothing else, and a nickname that is not blank. */
const ProfilePatch = Profile.partial()
  .extend({ nickName: z.string().trim().min(1, 'nickName must not be empty').max(64).optional() })
  .strict();

export class ProfileError extends Error {
  override name = 'ProfileError';
}

export interface Accounts {
  user(): LocalUser;
  profile(): Profile;
  updateProfile(patch: unknown): Profile;
  wallet(): Wallet;
  /**
   * Debits the wallet and records the payment in one synchronous step. Returns false (and changes
   * nothing) when the balance is too low.
   */
  debit(entry: Omit<Wallet['history'][number], 'at'>): boolean;
  balance(): number;
}

export function createAccounts(store: KeyValueStore, ctx: PlatformContext): Accounts {
  const user = storeDoc(store, KEYS.user, LocalUser, () => ({
    id: randomHex(ctx.random, 16),
    createdAt: ctx.clock.now(),
    profile: { ...DEFAULT_PROFILE },
  }));
  const wallet = storeDoc(store, KEYS.wallet, WalletDoc, () => ({ balance: STARTING_BALANCE_FEN, history: [] }));

  return {
    user: () => user.read(),
    profile: () => user.read().profile,
    updateProfile(patch) {
      const parsed = ProfilePatch.safeParse(patch);
      if (!parsed.success) {
        throw new ProfileError(`Profile not saved: ${describeIssues(parsed.error)}. Correct that field and save again; nothing was changed.`);
      }
      return user.update((u) => {
        u.profile = { ...u.profile, ...stripUndefined(parsed.data) };
        return u.profile;
      });
    },
    wallet() {
      const w = wallet.read();
      return { balance: w.balance, currency: 'CNY', history: w.history };
    },
    balance: () => wallet.read().balance,
    debit(entry) {
      return wallet.update((w) => {
        if (w.balance < entry.amount) return false;
        w.balance -= entry.amount;
        w.history.push({ ...entry, at: ctx.clock.now() });
        return true;
      });
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
