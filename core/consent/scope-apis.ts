import type { AuthSetting, Scope } from '../contracts/apis';
import type { CallerIdentity } from '../contracts/app';
import { ApiError, Errno } from '../contracts/errors';
import type { Prompter } from '../contracts/ports';
import type { ConsentLedger } from '../contracts/services';
import { scopeLabel } from './scope-labels';

/** The sheet's header: who is asking. */
function sheetApp(caller: CallerIdentity) {
  return { appId: caller.appInfo.appId, name: caller.appInfo.name };
}

/**
 * WeChat's scope gate for getUserInfo: never asked -> "scope unauthorized" (the app should call authorize);
 * refused or revoked -> "auth deny" (only openSetting can change it).
 */
export function requireScope(ledger: ConsentLedger, appId: string, scope: Scope): void {
  const decision = ledger.authSetting(appId)[scope];
  if (decision === true) return;
  if (decision === undefined) throw new ApiError('scope unauthorized', { errno: Errno.scopeUnauthorized });
  throw new ApiError('auth deny', { errno: Errno.authDeny });
}

/**
 * What the app sees of its settings: WeChat's scopes only. The ledger also keeps the shell's own per-app
 * grants (such as clipboard.read), which the user manages in Settings and openSetting but WeChat never reports.
 */
function wechatScopes(setting: AuthSetting): AuthSetting {
  return Object.fromEntries(Object.entries(setting).filter(([key]) => key.startsWith('scope.')));
}

export interface ScopeApis {
  getSetting(caller: CallerIdentity): { authSetting: AuthSetting };
  authorize(caller: CallerIdentity, scope: Scope): Promise<Record<string, never>>;
  openSetting(caller: CallerIdentity): Promise<{ authSetting: AuthSetting }>;
}

export function createScopeApis(ledger: ConsentLedger, prompter: Prompter): ScopeApis {
  return {
    getSetting: (caller) => ({ authSetting: wechatScopes(ledger.authSetting(caller.appInfo.appId)) }),

    async authorize(caller, scope) {
      const appId = caller.appInfo.appId;
      const decision = ledger.authSetting(appId)[scope];
      if (decision === true) return {};
      // WeChat asks only once: after a refusal the app must send the user to openSetting.
      if (decision === false) throw new ApiError('auth deny', { errno: Errno.authDeny });
      const answer = await prompter.ask({ kind: 'authorize', app: sheetApp(caller), scope, label: scopeLabel(scope) }, caller);
      const granted = answer.confirmed === true;
      ledger.decide(appId, scope, granted, 'authorize');
      if (!granted) throw new ApiError('auth deny', { errno: Errno.authDeny });
      return {};
    },

    async openSetting(caller) {
      const appId = caller.appInfo.appId;
      const before = ledger.authSetting(appId);
      const scopes = Object.entries(before).map(([scope, granted]) => ({ scope, label: scopeLabel(scope), granted }));
      const answer = await prompter.ask({ kind: 'openSetting', app: sheetApp(caller), scopes }, caller);
      if (answer.confirmed === true && answer.authSetting) {
        for (const [scope, wanted] of Object.entries(answer.authSetting)) {
          // The page lists only scopes the app already has a decision for; anything else in the answer
          // would be a grant the user was never shown, so it is ignored.
          if (!(scope in before) || before[scope] === wanted) continue;
          if (wanted) ledger.decide(appId, scope, true, 'openSetting');
          else ledger.revoke(appId, scope, 'openSetting');
        }
      }
      // Like WeChat, openSetting always succeeds and reports the settings as the user left them.
      return { authSetting: wechatScopes(ledger.authSetting(appId)) };
    },
  };
}
