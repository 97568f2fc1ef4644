import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../contracts/ports';
import type { MockRules } from '../contracts/services';
import { MockRule } from '../contracts/shell-api';
import { describeZodIssues } from '../contracts/zod-issues';

export const MOCKS_STORE_KEY = 'mocks';

const StoredMocks = z.array(MockRule);

export class CorruptMocksError extends Error {
  constructor(detail: string) {
    super(
      `The mock rules stored under "${MOCKS_STORE_KEY}" are unreadable (${detail}). Nothing was changed: ` +
        `fix that entry in the state file or delete it to start with no mock rules.`,
    );
    this.name = 'CorruptMocksError';
  }
}


/**
 * Developer mock rules, persisted so they survive a restart of the shell. The list is read once and
 * then kept in memory (match() runs on every call); a corrupt stored list stops every method with a
 * clear error instead of being overwritten by the next set().
 */
export function createMockRules(store: KeyValueStore): MockRules {
  let cache: MockRule[] | undefined;

  const load = (): MockRule[] => {
    if (cache) return cache;
    const raw = store.get(MOCKS_STORE_KEY);
    if (raw === undefined) return (cache = []);
    const parsed = StoredMocks.safeParse(raw);
    if (!parsed.success) throw new CorruptMocksError(describeZodIssues(parsed.error.issues));
    return (cache = parsed.data);
  };
  const save = (rules: MockRule[]): void => {
    store.set(MOCKS_STORE_KEY, rules);
    cache = rules;
  };

  return {
    list: () => load().map((r) => ({ ...r })),
    set(input) {
      const rules = load();
      const parsed = MockRule.safeParse({ ...input, id: input.id ?? randomUUID() });
      if (!parsed.success) throw new Error(`This mock rule is not valid: ${describeZodIssues(parsed.error.issues)}. Nothing was saved.`);
      const rule = parsed.data;
      const at = rules.findIndex((r) => r.id === rule.id);
      save(at === -1 ? [...rules, rule] : rules.map((r, i) => (i === at ? rule : r)));
      return { ...rule };
    },
    remove(id) {
      const rules = load();
      if (rules.some((r) => r.id === id)) save(rules.filter((r) => r.id !== id));
    },
    match(appId, api, params) {
      // A rule naming a custom API beats a catch-all rule for invokeNativePlugin; among equals the newest wins.
      let best: MockRule | undefined;
      for (const rule of load()) {
        if (!rule.enabled || rule.appId !== appId || rule.api !== api) continue;
        if (rule.apiName !== undefined && rule.apiName !== params['api_name']) continue;
        if (best && best.apiName !== undefined && rule.apiName === undefined) continue;
        best = rule;
      }
      return best;
    },
  };
}
