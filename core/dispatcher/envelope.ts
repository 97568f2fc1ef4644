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

/** Checks a raw bridge message against the wire schema; on failure says what is wrong and keeps the id if it can. */
export function readEnvelope(raw: unknown): EnvelopeReading {
  const parsed = RequestEnvelope.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, id: null, problem: `expected an object { v: ${WIRE_VERSION}, id, api, params }, got ${jsTypeName(raw)}` };
  }
  const problems = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    problems.add(FIELD_PROBLEMS[field] ?? `${field || 'message'}: ${issue.message}`);
  }
  const id = CallId.safeParse((raw as { id?: unknown }).id);
  return { ok: false, id: id.success ? id.data : null, problem: [...problems].join('; ') };
}
