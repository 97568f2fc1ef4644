import * as z from 'zod/mini';

/*
 * zod/mini: these envelopes are the only schemas the wx client (client/) needs at run time, and wx.js
 * loads in every mini program frame before the page's own scripts. The full zod (with its locales) was
 * most of wx.js's weight and of each launch's time; zod/mini builds the same checks (the host's issues
 * and errMsgs are unchanged) from a fraction of the code.
 */

/** Version of the bridge wire format. Bumped only on breaking changes. */
export const WIRE_VERSION = 1 as const;

/** Largest bridge request the dispatcher accepts, measured as UTF-8 JSON. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** What a transport knows about a bridge message it received, handed to the dispatcher with the message. */
export interface WireFacts {
  /** UTF-8 bytes of the frame as received: the size limit is checked on this instead of re-serialising the message */
  bytes?: number;
}

export const CallId = z.union([z.string().check(z.minLength(1), z.maxLength(128)), z.number().check(z.int(), z.nonnegative())]);
export type CallId = z.infer<typeof CallId>;

/** mini program -> host */
export const RequestEnvelope = z.object({
  v: z.literal(WIRE_VERSION),
  id: CallId,
  api: z.string().check(z.minLength(1), z.maxLength(128)),
  params: z._default(z.record(z.string(), z.unknown()), {}),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export const SuccessEnvelope = z.object({
  v: z.literal(WIRE_VERSION),
  id: z.nullable(CallId),
  ok: z.literal(true),
  /** Always carries `errMsg: "<api>:ok"`. */
  result: z.record(z.string(), z.unknown()),
});

export const FailureEnvelope = z.object({
  v: z.literal(WIRE_VERSION),
  /** null only when the request was too broken to carry an id. */
  id: z.nullable(CallId),
  ok: z.literal(false),
  errMsg: z.string(),
  errno: z.optional(z.number().check(z.int())),
  errCode: z.optional(z.number().check(z.int())),
});

/** host -> mini program, answer to one request */
export const ResponseEnvelope = z.discriminatedUnion('ok', [SuccessEnvelope, FailureEnvelope]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;
export type SuccessEnvelope = z.infer<typeof SuccessEnvelope>;
export type FailureEnvelope = z.infer<typeof FailureEnvelope>;

/** networkTask: progress, headers and socket messages of a network task (core/contracts/network.ts) */
export const AppEventName = z.enum(['appShow', 'appHide', 'storageChanged', 'networkTask']);
export type AppEventName = z.infer<typeof AppEventName>;

/** host -> mini program, unsolicited */
export const EventEnvelope = z.object({
  v: z.literal(WIRE_VERSION),
  event: AppEventName,
  data: z._default(z.record(z.string(), z.unknown()), {}),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;
