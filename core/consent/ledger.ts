import { z } from 'zod';
import { AuthSetting } from '../contracts/apis';
import type { Clock, KeyValueStore } from '../contracts/ports';
import type { ConsentLedger } from '../contracts/services';
import { AuditEntry } from '../contracts/shell-api';
import { describeZodIssues } from '../contracts/zod-issues';

export const CONSENT_STORE_KEY = 'consent';

const ConsentDoc = z.object({
  v: z.literal(1),
  /** authSetting per appId */
  apps: z.record(z.string(), AuthSetting),
  /** append-only: every grant, refusal, revoke, consent and decline, oldest first */
  audit: z.array(AuditEntry),
});
type ConsentDoc = z.infer<typeof ConsentDoc>;

export class CorruptConsentError extends Error {
  constructor(detail: string) {
    super(
      `The consent ledger stored under "${CONSENT_STORE_KEY}" is unreadable (${detail}). Nothing was changed: ` +
        `restore that entry in the state file from a backup, or delete it so that every app asks again.`,
    );
    this.name = 'CorruptConsentError';
  }
}

/**
 * authSetting per app plus the audit trail, in one store document. The document is parsed once and kept
 * in memory; each change writes the whole document before the in-memory copy moves on, so a failed write
 * leaves both unchanged. A corrupt document makes every method throw (never silently reset: a reset
 * would quietly re-grant or forget the user's decisions).
 */
export function createConsentLedger(store: KeyValueStore, clock: Clock): ConsentLedger {
  let doc: ConsentDoc | undefined;

  const load = (): ConsentDoc => {
    if (doc) return doc;
    const raw = store.get(CONSENT_STORE_KEY);
    if (raw === undefined) return (doc = { v: 1, apps: {}, audit: [] });
    const parsed = ConsentDoc.safeParse(raw);
    if (!parsed.success) {
      const detail = describeZodIssues(parsed.error.issues);
      throw new CorruptConsentError(detail);
    }
    return (doc = parsed.data);
  };

  const commit = (next: ConsentDoc): void => {
    store.set(CONSENT_STORE_KEY, next);
    doc = next;
  };

  const change = (appId: string, scope: string, granted: boolean | undefined, action: AuditEntry['action'], via: string): void => {
    const current = load();
    const apps = { ...current.apps };
    if (granted !== undefined) apps[appId] = { ...apps[appId], [scope]: granted };
    commit({ v: 1, apps, audit: [...current.audit, { at: clock.now(), appId, scope, action, via }] });
  };

  return {
    authSetting: (appId) => ({ ...load().apps[appId] }),
    decide(appId, scope, granted, via) {
      change(appId, scope, granted, granted ? 'grant' : 'refuse', via);
    },
    revoke(appId, scope, via) {
      // Only a grant can be revoked; revoking something never granted would invent a decision.
      if (load().apps[appId]?.[scope] !== true) return;
      change(appId, scope, false, 'revoke', via);
    },
    recordConsent(appId, what, given, via) {
      change(appId, what, undefined, given ? 'consent' : 'decline', via);
    },
    audit(appId) {
      const all = load().audit;
      return (appId === undefined ? all : all.filter((e) => e.appId === appId)).map((e) => ({ ...e }));
    },
    forgetApp(appId) {
      // On uninstall the app's grants go (a reinstall asks again); the audit trail stays, it is the user's record.
      const current = load();
      if (!(appId in current.apps)) return;
      const apps = { ...current.apps };
      delete apps[appId];
      commit({ ...current, apps });
    },
  };
}
