import type { KeyValueStore } from '../contracts/ports';
import type { PlatformContext } from './context';
import { KEYS, PlatformSecret } from './records';
import { storeDoc } from './store-doc';
import { base64url, hmacSha256 } from './wx-crypto';

/**
 * openid and unionid. Both are HMAC-SHA256 under a random platform secret, so they are stable
 * for the same inputs but cannot be computed (or linked across apps) from the user id alone.
 * The labels keep the two families apart even when an appId equals a developerId.
 */
export interface Identity {
  /** creates the platform secret if this is the first start */
  ensureSecret(): void;
  openid(userId: string, appId: string): string;
  unionid(userId: string, developerId: string): string;
}

export function createIdentity(store: KeyValueStore, ctx: PlatformContext): Identity {
  const doc = storeDoc(store, KEYS.secret, PlatformSecret, () => ({ secret: ctx.random(32).toString('base64') }));
  const key = (): Buffer => Buffer.from(doc.read().secret, 'base64');
  return {
    ensureSecret: () => void doc.read(),
    openid: (userId, appId) => base64url(hmacSha256(key(), `openid\n${userId}\n${appId}`)),
    unionid: (userId, developerId) => base64url(hmacSha256(key(), `unionid\n${userId}\n${developerId}`)),
  };
}
