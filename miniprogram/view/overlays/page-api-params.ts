import * as z from 'zod/mini';
import { describeParamIssues } from '../../../core/contracts/param-errors';

/*
 * The parameters of the page-level interaction APIs, with WeChat's documented defaults. A call whose
 * parameters do not fit fails with WeChat's wording: "<api>:fail parameter error: parameter.title
 * should be String instead of Undefined;". zod/mini: the view page loads this on every app start, and
 * the full zod would be most of its weight.
 */
export const ShowToastParams = z.object({
  title: z.string(),
  // WeChat documents success/error/loading/none; any other word shows no icon rather than failing the call
  icon: z._default(z.string(), 'success'),
  image: z.optional(z.string()),
  duration: z._default(z.number(), 1500),
  mask: z._default(z.boolean(), false),
});

export const ShowLoadingParams = z.object({
  title: z.string(),
  mask: z._default(z.boolean(), false),
});

export const ShowModalParams = z.object({
  title: z._default(z.string(), ''),
  content: z._default(z.string(), ''),
  showCancel: z._default(z.boolean(), true),
  cancelText: z._default(z.string(), '取消'),
  cancelColor: z._default(z.string(), '#000000'),
  confirmText: z._default(z.string(), '确定'),
  confirmColor: z._default(z.string(), '#576B95'),
  editable: z._default(z.boolean(), false),
  placeholderText: z._default(z.string(), ''),
});

export const MAX_ACTION_SHEET_ITEMS = 6;

export const ShowActionSheetParams = z.object({
  alertText: z._default(z.string(), ''),
  itemList: z.array(z.string()),
  itemColor: z._default(z.string(), '#000000'),
});

export const PreviewImageParams = z.object({
  urls: z.array(z.string()),
  current: z.optional(z.string()),
});

export type ParsedParams<T> = { ok: true; value: T } | { ok: false; errMsg: string };

/** Parses `params` for `api`, or gives the errMsg WeChat would. */
export function parseParams<S extends z.ZodMiniType>(api: string, schema: S, params: unknown): ParsedParams<z.output<S>> {
  const input = params ?? {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errMsg: `${api}:fail parameter error: ${describeParamIssues(parsed.error.issues, input)}` };
}
