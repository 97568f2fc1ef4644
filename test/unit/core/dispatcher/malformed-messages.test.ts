import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiTable } from '../../../../core/contracts/apis';
import { CallId, ResponseEnvelope } from '../../../../core/contracts/wire';
import { harness } from './harness';
import { DEFAULT_CALL_LOG_BYTES } from '../../../../core/calls/call-log';

/** Whatever a page sends, the dispatcher answers with a well-formed envelope and never throws. */

const apiNames = Object.keys(apiTable);

/** Messages from plain garbage up to nearly-valid envelopes for real APIs with random params. */
const message = fc.oneof(
  fc.anything(),
  fc.record(
    { v: fc.oneof(fc.constant(1), fc.anything()), id: fc.oneof(fc.nat(), fc.string(), fc.anything()), api: fc.oneof(fc.constantFrom(...apiNames), fc.string(), fc.anything()), params: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({
    v: fc.constant(1),
    id: fc.oneof(fc.nat(), fc.string({ minLength: 1, maxLength: 20 })),
    api: fc.constantFrom(...apiNames, 'unknownApi'),
    params: fc.dictionary(fc.constantFrom('key', 'data', 'desc', 'api_name', 'timeout', 'scope', 'mode', 'signData', 'appId', 'x'), fc.anything()),
  }),
);

describe('10,000 random malformed messages', () => {
  let spy: ReturnType<typeof vi.spyOn>;
  beforeAll(() => {
    // handlers crashing on odd input log to console.error by design; keep the test output readable
    spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => spy.mockRestore());

  it('each gets a well-formed ResponseEnvelope carrying its id when it had a valid one', async () => {
    const h = harness();
    // a prompter that answers at once keeps sheet-waiting APIs from hitting their time limit
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        const response = await h.shell.dispatch(raw, h.callerA);
        expect(ResponseEnvelope.safeParse(response).success).toBe(true);
        const sentId = raw !== null && typeof raw === 'object' ? CallId.safeParse((raw as { id?: unknown }).id) : undefined;
        if (sentId?.success) expect(response.id).toBe(sentId.data);
        if (!response.ok) expect(response.errMsg).toContain(':fail ');
        else expect(response.result['errMsg']).toMatch(/:ok$/);
      }),
      { numRuns: 10_000 },
    );
    // every answer was also recorded; the log keeps the newest ones within its byte budget, and serialises
    const records = h.shell.calls.list();
    expect(records.at(-1)?.seq).toBe(10_000);
    expect(records.length).toBeGreaterThan(1_000);
    expect(JSON.stringify(records).length).toBeLessThan(DEFAULT_CALL_LOG_BYTES);
    // 10,000 generated messages: seconds on an idle machine, far longer on a shared 2-core one
  }, 120_000);
});
