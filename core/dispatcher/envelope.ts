import { CallId, RequestEnvelope, WIRE_VERSION } from '../contracts/wire';
import { jsTypeName } from '../contracts/type-names';

export type EnvelopeReading =
  | { ok: true; request: RequestEnvelope }
  | { ok: false; id: CallId | null; problem: string };

/** What to tell the sender about each field of a broken envelope, in words a developer can act on. */
const FIELD_PROBLEMS: Record<string, string> = {
  v: `"v" must be ${WIRE_VERSION} (the bridge wire version)`,
  id: '"id" must be a non-empty string of at most 128 characters or a non-negative integer',
  api: '"api" must be the name of an API: a non-empty string of at most 128 characters',
  params: '"params" must be an object of named parameters',
};

const isCallId = (id: unknown): id is CallId =>
  typeof id === 'string' ? id.length >= 1 && id.length <= 128 : Number.isSafeInteger(id) && (id as number) >= 0;

/**
 * The well-formed case without building a zod result: a subset of what RequestEnvelope accepts (plain
 * objects only), so anything it does not recognise still goes through the schema, which has the last word.
 */
export function quickEnvelope(raw: unknown): RequestEnvelope | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const message = raw as Record<string, unknown>;
  if (message['v'] !== WIRE_VERSION) return undefined;
  const { id, api, params } = message;
  if (!isCallId(id) || typeof api !== 'string' || api.length < 1 || api.length > 128) return undefined;
  if (params === undefined) return { v: WIRE_VERSION, id, api, params: {} };
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  const proto = Object.getPrototypeOf(params);
  if (proto !== Object.prototype && proto !== null) return undefined;
  // the schema drops an own "__proto__" key (JSON.parse makes one); leave that case to it
  if (Object.prototype.hasOwnProperty.call(params, '__proto__')) return undefined;
  return { v: WIRE_VERSION, id, api, params: params as Record<string, unknown> };
}

const isRecord = (value: unknown): boolean => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The fields a message gets wrong, checked by the same rules as the schema, in the schema's order. A flood
 * of malformed messages then costs no schema error (with its stack trace) per message; when this finds
 * nothing wrong, the schema decides.
 */
function fieldProblems(message: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (message['v'] !== WIRE_VERSION) problems.push(FIELD_PROBLEMS['v']!);
  if (!isCallId(message['id'])) problems.push(FIELD_PROBLEMS['id']!);
  const api = message['api'];
  if (typeof api !== 'string' || api.length < 1 || api.length > 128) problems.push(FIELD_PROBLEMS['api']!);
  if (message['params'] !== undefined && !isRecord(message['params'])) problems.push(FIELD_PROBLEMS['params']!);
  return problems;
}

/** Checks a raw bridge message against the wire schema; on failure says what is wrong and keeps the id if it can. */
export function readEnvelope(raw: unknown): EnvelopeReading {
  const quick = quickEnvelope(raw);
  if (quick) return { ok: true, request: quick };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, id: null, problem: `expected an object { v: ${WIRE_VERSION}, id, api, params }, got ${jsTypeName(raw)}` };
  }
  const message = raw as Record<string, unknown>;
  const known = fieldProblems(message);
  if (known.length > 0) return { ok: false, id: isCallId(message['id']) ? message['id'] : null, problem: known.join('; ') };

  const parsed = RequestEnvelope.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    problems.add(FIELD_PROBLEMS[field] ?? `${field || 'message'}: ${issue.message}`);
  }
  const id = CallId.safeParse((raw as { id?: unknown }).id);
  return { ok: false, id: id.success ? id.data : null, problem: [...problems].join('; ') };
}
