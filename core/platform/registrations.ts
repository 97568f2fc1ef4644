import type { AppInfo } from '../contracts/app';
import type { KeyValueStore } from '../contracts/ports';
import type { Registration } from '../contracts/services';
import type { PlatformContext } from './context';
import { ownEntry, putOwn } from './own-keys';
import { AppsDoc, KEYS, type AppRecord } from './records';
import { storeDoc } from './store-doc';
import { randomAlphanumeric, randomHex, sameText } from './wx-crypto';

export type AuthResult = { ok: true; app: AppRecord } | { ok: false; errcode: 40013 | 40125; errmsg: string };

export interface Registrations {
  register(app: AppInfo): Registration;
  deactivate(appId: string): void;
  /** an installed app's record (inactive ones are hidden) */
  get(appId: string): AppRecord | undefined;
  /** who registered this appId last, installed or not: a different developer means a different app */
  lastDeveloper(appId: string): string | undefined;
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
        const found = ownEntry(all, app.appId);
        // Reinstalling keeps the secrets (merchant servers are configured with them); the name follows
        // the newly installed manifest. The secrets belong to the developer whose server holds them, so
        // an appId now installed by another developer (only possible after an uninstall) gets new ones.
        const existing = found?.developerId === app.developerId ? found : undefined;
        const record: AppRecord = existing
          ? { ...existing, name: app.name, active: true }
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
        putOwn(all, app.appId, record);
        return toRegistration(record);
      });
    },
    deactivate(appId) {
      apps.update((all) => {
        const r = ownEntry(all, appId);
        if (r) r.active = false;
      });
    },
    lastDeveloper: (appId) => ownEntry(apps.read(), appId)?.developerId,
    get(appId) {
      const r = ownEntry(apps.read(), appId);
      return r?.active ? r : undefined;
    },
    authenticate(appid, secret) {
      const r = ownEntry(apps.read(), appid);
      if (!r?.active) return { ok: false, errcode: 40013, errmsg: `invalid appid: "${appid}" is not an installed mini program` };
      if (!sameText(secret, r.appSecret)) {
        return { ok: false, errcode: 40125, errmsg: 'invalid appsecret: use the appSecret shown in the developer panel' };
      }
      return { ok: true, app: r };
    },
  };
}
