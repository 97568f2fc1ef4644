/*
 * The devtools report limits and hook name, without zod: the wx client and the WeChat-format view and Worker
 * import only these, and importing core/contracts/devtools.ts (the host's schemas) put the full zod (450 KB)
 * into wx.js, view.js and logic.js, run before every page's first paint. devtools.ts re-exports them.
 */

export const DEVTOOLS_LIMITS = {
  /** reports in one frame: the view flushes before it has more */
  batch: 64,
  message: 4096,
  stack: 16_384,
  /** "file:line:col" */
  where: 512,
  route: 512,
  /** keys of one setData shown (the rest are counted in keyCount) */
  keys: 64,
  key: 256,
  /** the setData preview: the start of the payload's JSON text */
  preview: 1024,
  queryEntries: 64,
  queryValue: 2048,
} as const;

/** The global a view page reads the reporting function from (installed by each host's wx client). */
export const DEVTOOLS_HOOK = '__superappDevtools';

/** Cuts a text to `max` characters, saying how long it was, so the frame passes the schema. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = `…(${text.length} characters in all)`;
  return text.slice(0, Math.max(0, max - note.length)) + note;
}
