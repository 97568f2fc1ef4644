export { createConsentLedger, CorruptConsentError, CONSENT_STORE_KEY } from './ledger';
export { createScopeApis, requireScope, type ScopeApis } from './scope-apis';
export { scopeLabel } from './scope-labels';
