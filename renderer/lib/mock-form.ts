import { apiTable } from '../../core/contracts/apis';
import { MockRule, type ShellInput } from '../../core/contracts/shell-api';

export type MockInput = ShellInput<'setMock'>;

/** The raw strings of the inspector's mock form, exactly as typed. */
export interface MockFormFields {
  appId: string;
  api: string;
  apiName: string;
  type: string;
  result: string;
  errMsg: string;
  ms: string;
}

export type MockFormResult = { ok: true; rule: MockInput } | { ok: false; errors: string[] };

export const MOCKABLE_APIS: readonly string[] = Object.keys(apiTable);
export const MAX_DELAY_MS = 120_000;

/**
 * Turns the form into a rule for setMock, or lists every problem in words that say what to change.
 * The MockRule schema has the last word, so the form can never send what the host would refuse.
 */
export function parseMockForm(fields: MockFormFields, knownAppIds: readonly string[]): MockFormResult {
  const errors: string[] = [];
  const appId = fields.appId.trim();
  const api = fields.api.trim();
  const apiName = fields.apiName.trim();

  if (!appId) errors.push('Choose the app the rule applies to.');
  else if (!knownAppIds.includes(appId)) errors.push(`App "${appId}" is not installed: choose one from the list.`);

  if (!api) errors.push('Enter the API to mock, e.g. requestPayment.');
  else if (!MOCKABLE_APIS.includes(api)) errors.push(`"${api}" is not an API the shell dispatches: use one of ${MOCKABLE_APIS.join(', ')}.`);

  if (apiName && api && api !== 'invokeNativePlugin') {
    errors.push('Custom API name only applies to invokeNativePlugin: clear it or change the API.');
  }

  let action: MockInput['action'] | undefined;
  switch (fields.type) {
    case 'succeed': {
      const text = fields.result.trim();
      if (!text) {
        action = { type: 'succeed', result: {} };
        break;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        errors.push(`Result is not valid JSON (${(e as Error).message}): write an object such as {"code": "mock"}.`);
        break;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        errors.push('Result must be a JSON object such as {"code": "mock"}, not an array or a single value.');
        break;
      }
      action = { type: 'succeed', result: parsed as Record<string, unknown> };
      break;
    }
    case 'fail': {
      const errMsg = fields.errMsg.trim();
      if (!errMsg) errors.push('Enter the errMsg the app should receive, e.g. "requestPayment:fail no balance".');
      else action = { type: 'fail', errMsg };
      break;
    }
    case 'delay': {
      const text = fields.ms.trim();
      const ms = Number(text);
      if (!text || !Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS) {
        errors.push(`Delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}.`);
      } else action = { type: 'delay', ms };
      break;
    }
    default:
      errors.push('Choose what the rule does: succeed, fail or delay.');
  }

  if (errors.length > 0 || !action) return { ok: false, errors };

  const candidate = { appId, api, ...(apiName ? { apiName } : {}), action, enabled: true };
  const checked = MockRule.omit({ id: true }).safeParse(candidate);
  if (!checked.success) {
    return { ok: false, errors: checked.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`) };
  }
  return { ok: true, rule: candidate };
}

/** One line for the mocks list: what the rule does. */
export function describeMock(rule: MockRule): string {
  const target = rule.apiName ? `${rule.api} (${rule.apiName})` : rule.api;
  switch (rule.action.type) {
    case 'succeed':
      return `${target} succeeds with ${JSON.stringify(rule.action.result)}`;
    case 'fail':
      return `${target} fails with "${rule.action.errMsg}"`;
    case 'delay':
      return `${target} is delayed ${rule.action.ms} ms`;
  }
}
