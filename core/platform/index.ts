import { randomBytes } from 'node:crypto';
import type { AppInfo } from '../contracts/app';
import { ApiError } from '../contracts/errors';
import type { EmbeddedPlatform, HostServices } from '../contracts/services';
import { createAccounts } from './accounts';
import { askVia, type PlatformContext } from './context';
import { createIdentity } from './identity';
import { postJsonNotifier, type Notifier } from './merchant-notify';
import { createOrderBook } from './orders';
import { createOutbox } from './outbox';
import { createRequestPayment } from './payments';
import type { AppRecord } from './records';
import { createRegistrations } from './registrations';
import { createServerRoutes } from './server-routes';
import { createSessions } from './sessions';
import { createUserData } from './user-data';
import { createVirtualPayments } from './virtual-payments';
import { atStartup } from './store-doc';
import type { RandomBytes } from './wx-crypto';

export { STARTING_BALANCE_FEN, DEFAULT_PROFILE, ProfileError } from './accounts';
export { CODE_TTL_MS, SESSION_TTL_MS } from './sessions';
export { LOGIN_REQUIRED, maskPhone } from './user-data';
export { COIN_PRICE_FEN, VIRTUAL_ERRCODE } from './virtual-payments';
export { SERVER_ERRCODE } from './server-routes';
export { NOTIFY_RETRY_DELAYS_MS, postJsonNotifier, type Notifier } from './merchant-notify';
export { CorruptStoreError } from './store-doc';
export { UNKNOWN_VIEW } from './context';

export interface EmbeddedPlatformOptions {
  /** delivers the paid notification to a merchant's notify_url (default: HTTP POST of JSON) */
  notifier?: Notifier;
  /** source of every secret, code, key and iv (default: node:crypto randomBytes) */
  random?: RandomBytes;
}

/**
 * The default OpenApiHandler: a local superapp backend with one user, a wallet, per-app
 * registrations and WeChat-compatible login, user data, payments and server API.
 * Everything is persisted in services.data (the data folder's database) under "platform:*" keys;
 * every change that touches more than one of them is one transaction.
 */
export function createEmbeddedPlatform(services: HostServices, options: EmbeddedPlatformOptions = {}): EmbeddedPlatform {
  const listeners = new Set<() => void>();
  const ctx: PlatformContext = {
    clock: services.clock,
    random: options.random ?? randomBytes,
    ledger: services.ledger,
    ask: askVia(services.prompter),
    walletChanged() {
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (e) {
          // A broken UI listener must not turn a completed payment into a failed call.
          console.error('[platform] onWalletChanged listener failed:', e);
        }
      }
    },
  };

  const store = services.data;
  const transaction = <R>(work: () => R): R => store.transaction(work);
  const accounts = createAccounts(store, ctx);
  const identity = createIdentity(store, ctx);
  const registrations = createRegistrations(store, ctx);
  const sessions = createSessions(store, ctx);
  const orders = createOrderBook(store, ctx);
  // Seed the user, wallet and platform secret now, so the state file shows them from the first start.
  atStartup(() => accounts.user());
  atStartup(() => accounts.wallet());
  atStartup(() => identity.ensureSecret());

  const openidOf = (appId: string) => identity.openid(accounts.user().id, appId);
  const unionidOf = (developerId: string) => identity.unionid(accounts.user().id, developerId);
  // A running app is installed, so a missing registration only means the host never registered it: do it now.
  const recordOf = (app: AppInfo): AppRecord => {
    const found = registrations.get(app.appId);
    if (found) return found;
    registrations.register(app);
    return registrations.get(app.appId)!;
  };

  const outbox = createOutbox(store, options.notifier ?? postJsonNotifier);
  const userData = createUserData(ctx, accounts, sessions);
  const requestPayment = createRequestPayment({
    ctx,
    accounts,
    orders,
    payKeyOf: (app) => recordOf(app).payKey,
    openidOf,
    transaction,
    outbox,
  });
  const virtual = createVirtualPayments(store, { ctx, accounts, sessions, appKeyOf: (app) => recordOf(app).appKey, openidOf, transaction });
  const routes = createServerRoutes({ ctx, registrations, sessions, orders, virtual, openidOf, unionidOf });

  return {
    async login(app) {
      recordOf(app);
      return { code: sessions.login(app.appId) };
    },
    async checkSession(app) {
      if (!sessions.current(app.appId)) throw new ApiError('session expired');
      return {};
    },
    getUserInfo: (app, params) => userData.getUserInfo(app, params),
    getUserProfile: (app, params) => userData.getUserProfile(app, params),
    getPhoneNumber: (app) => userData.getPhoneNumber(app),
    requestPayment,
    requestVirtualPayment: (app, params) => virtual.requestVirtualPayment(app, params),

    registerApp(app) {
      // The same appId from another developer is another app: it must not inherit the previous app's
      // orders, coins or sessions (the user's wallet history stays, it is the user's record).
      return transaction(() => {
        const previous = registrations.lastDeveloper(app.appId);
        if (previous !== undefined && previous !== app.developerId) {
          sessions.forgetApp(app.appId);
          orders.dropAll(app.appId);
          virtual.forgetAll(app.appId);
        }
        return registrations.register(app);
      });
    },
    unregisterApp(appId) {
      transaction(() => {
        sessions.forgetApp(appId);
        orders.dropUnpaid(appId);
        virtual.forgetUnpaid(appId);
        registrations.deactivate(appId);
      });
      ctx.walletChanged();
    },
    developerInfo(appId) {
      const r = registrations.get(appId);
      return r && { appId: r.appId, appSecret: r.appSecret, payKey: r.payKey, appKey: r.appKey, developerId: r.developerId };
    },
    getProfile: () => accounts.profile(),
    updateProfile: (patch) => accounts.updateProfile(patch),
    getWallet: () => accounts.wallet(),
    onWalletChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    serverRoutes: () => routes,
  };
}
