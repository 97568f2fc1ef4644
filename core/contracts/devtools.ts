import { z } from 'zod';
import { DEVTOOLS_LIMITS } from './devtools-limits';
import { WIRE_VERSION } from './wire';

/**
 * What a mini program view reports about itself for the inspector (issues 7 and 8): uncaught exceptions and
 * unhandled rejections of page code, the page stack after every navigation, and setData traffic. The view
 * sends a batch over its existing bridge connection as `{ v: 1, devtools: [...] }` (one-way, never answered);
 * the host parses it with these schemas, adds who sent it from the transport (never from the message), and
 * keeps bounded records (core/devtools/). The limits are the sender's job: it cuts texts before sending, so
 * a frame over them is a broken or hostile page and is dropped whole.
 */
export { clipText, DEVTOOLS_HOOK, DEVTOOLS_LIMITS } from './devtools-limits';

const L = DEVTOOLS_LIMITS;
const epochMs = z.number().finite().nonnegative();

export const DevPage = z.object({
  route: z.string().max(L.route),
  query: z.record(z.string().max(L.key), z.string().max(L.queryValue)).refine((q) => Object.keys(q).length <= L.queryEntries, `at most ${L.queryEntries} query entries`),
});
export type DevPage = z.infer<typeof DevPage>;

const problem = {
  at: epochMs,
  message: z.string().max(L.message),
  /** the package's own file:line:col of the first frame in its code */
  where: z.string().max(L.where).optional(),
  /** the stack with every frame in the package's code written as the package's file:line:col */
  stack: z.string().max(L.stack).optional(),
  /** the route of the page on top when it happened */
  route: z.string().max(L.route).optional(),
};

export const DevReport = z.discriminatedUnion('kind', [
  /** an exception thrown by page code and not caught by it */
  z.object({ kind: z.literal('exception'), ...problem }),
  /** a promise rejected with nobody handling it */
  z.object({ kind: z.literal('rejection'), ...problem }),
  /** the page stack as it is after a navigation, bottom first (empty: no page, e.g. page not found) */
  z.object({ kind: z.literal('pageStack'), at: epochMs, pages: z.array(DevPage).max(32) }),
  z.object({
    kind: z.literal('setData'),
    at: epochMs,
    /** the page route or component path whose setData it was */
    target: z.string().max(L.route),
    targetKind: z.enum(['page', 'component']),
    keys: z.array(z.string().max(L.key)).max(L.keys),
    /** how many keys the call set (keys lists the first DEVTOOLS_LIMITS.keys) */
    keyCount: z.number().int().nonnegative(),
    /** UTF-8 bytes of the payload as JSON; -1 when it is not JSON (a cycle) */
    bytes: z.number().int().min(-1),
    /** from the call to the view acknowledging the render batch that carried it (ms) */
    ms: z.number().finite().nonnegative(),
    preview: z.string().max(L.preview + 64),
  }),
]);
export type DevReport = z.infer<typeof DevReport>;
export type DevReportKind = DevReport['kind'];

/** view -> host over the bridge, one-way */
export const DevtoolsFrame = z.object({
  v: z.literal(WIRE_VERSION),
  devtools: z.array(DevReport).min(1).max(L.batch),
});
export type DevtoolsFrame = z.infer<typeof DevtoolsFrame>;

/** One kept report, as the inspector gets it. */
export const DevRecord = z.object({
  seq: z.number().int(),
  appId: z.string(),
  webViewId: z.number().int(),
  report: DevReport,
});
export type DevRecord = z.infer<typeof DevRecord>;

/** The current page stack of one running view. */
export const PageStackState = z.object({
  appId: z.string(),
  webViewId: z.number().int(),
  at: epochMs,
  pages: z.array(DevPage),
});
export type PageStackState = z.infer<typeof PageStackState>;
