import type { AppInfo } from '../contracts/app';
import type { KeyValueStore } from '../contracts/ports';
import type { Registration } from '../contracts/services';
import type { PlatformContext } from './context';
import { AppsDoc, KEYS, type AppRecord } from './records';
import { storeDoc } from './store-doc';
import { randomAlphanumeric, randomHex, sameText } from './wx-crypto';

export type AuthResult = { ok: true; app: AppRecord } | { ok: false; errcode: 40013 | 40125; errmsg: string };

export interface Registrations {
  register(app: AppInfo): Registration;
  deactivate(appId: string): void;
  /** an installed app's record (inactive ones are hidden) */
  get(appId: string): AppRecord | undefined;
  /** server API authentication: appid must be installed, secret must match */
  authenticate(appid: string, secret: string): AuthResult;
}

export function toRegistration(r: AppRecord): Registration {
  return { appId: r.appId, appSecret: r.appSecret, payKey: r.payKey, appKey: r.appKey, developerId: r.developerId };
}

export function createRegistrations(store: KeyValueStore, ctx: PlatformContext): Registrations {
  const apps = storeDoc(store, KEYS.apps, AppsDoc, () => ({}));

  return {
    register(app) {
      return apps.update((all) => {
        const existing = all[app.appId];
        // Reinstalling keeps the secrets (merchant servers are configured with them); name and
        // developer follow the newly installed manifest.
        const record: AppRecord = existing
          ? { ...existing, name: app.name, developerId: app.developerId, active: true }
          : {
              appId: app.appId,
              name: app.name,
              developerId: app.developerId,
              appSecret: randomHex(ctx.random, 16),
              payKey: randomAlphanumeric(ctx.random, 32),
              appKey: randomHex(ctx.random, 16),
              registeredAt: ctx.clock.now(),
              active: true,
            };
        all[app.appId] = record;
        return toRegistration(record);
      });
    },
    deactivate(appId) {
      apps.update((all) => {
        const r = all[appId];
        if (r) r.active = false;
      });
    },
    get(appId) {
      const r = apps.read()[appId];
      return r?.active ? r : undefined;
    },
    authenticate(appid, secret) {
      const r = apps.read()[appid];
      if (!r?.active) return { ok: false, errcode: 40013, errmsg: `invalid appid: "${appid}" is not an installed mini program` };
      if (!sameText(secret, r.appSecret)) {
        return { ok: false, errcode: 40125, errmsg: 'invalid appsecret: use the appSecret shown in the developer panel' };
      }
      return { ok: true, app: r };
    },
  };
}
