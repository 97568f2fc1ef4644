import * as z from 'zod/mini';
import '../../client/wx/zod-config';
import { describeZodIssues } from '../../core/contracts/zod-issues';

/**
 * The compiled bundle that `/__wx/app/logic.js` assigns to `globalThis.__wxAppBundle`
 * (docs/wechat-format.md section 1). Checked once at start, shallowly: the compiler validated the
 * package's JSON already; this catches a stale or foreign bundle with a clear message.
 */
export type ModuleFactory = (
  require: (path: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
  wx: unknown,
  App: unknown,
  Page: unknown,
  Component: unknown,
  Behavior: unknown,
  getApp: unknown,
  getCurrentPages: unknown,
  requirePlugin: unknown,
  window: undefined,
  document: undefined,
  globalThis: undefined,
  /** self, fetch, XMLHttpRequest...: the Worker's own globals, shadowed (core/wechat/logic-bundle.ts MODULE_PARAMS) */
  ...workerGlobals: undefined[]
) => void;

const Record = z.record(z.string(), z.unknown());

// zod/mini (with the English messages client/wx/zod-config.ts sets): the full zod was 450 KB of this
// Worker's script, parsed and set up before the first page could render.
export const AppBundle = z.object({
  v: z.literal(1),
  appId: z.string(),
  app: z.looseObject({
    pages: z.array(z.string()).check(z.minLength(1, 'app.json lists no pages')),
    entryPagePath: z.optional(z.string()),
    window: z.optional(Record),
    tabBar: z.optional(Record),
    subpackages: z.optional(z.array(z.looseObject({ root: z.string(), pages: z.array(z.string()) }))),
  }),
  configs: z.record(z.string(), Record),
  pages: z.array(z.string()),
  tmpl: Record,
  styleScopes: z.record(z.string(), z.string()),
  modules: z.record(z.string(), z.custom<ModuleFactory>((f) => typeof f === 'function', 'each module must be a function')),
  entry: z.object({ app: z.string() }),
  /** optional: the logic.js line where each module's line 1 sits, for error locations */
  lines: z.optional(z.record(z.string(), z.number())),
  /** optional: per module made from import/export, its column table (core/wechat/es-modules.ts columnTable) */
  columns: z.optional(z.record(z.string(), z.array(z.array(z.number())))),
});
export type AppBundle = z.infer<typeof AppBundle>;

export function readBundle(value: unknown): AppBundle {
  const parsed = AppBundle.safeParse(value);
  if (!parsed.success) {
    const detail = describeZodIssues(parsed.error.issues);
    throw new Error(`the compiled mini program is unreadable (${detail}); reinstall the app to rebuild it`);
  }
  return parsed.data;
}
