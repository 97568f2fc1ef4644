import { z } from 'zod';
import { describeParamIssues } from '../../../core/contracts/param-errors';

/**
 * The parameters of the page-level interaction APIs, with WeChat's documented defaults. A call whose
 * parameters do not fit fails with WeChat's wording: "<api>:fail parameter error: parameter.title
 * should be String instead of Undefined;".
 */
export const ShowToastParams = z.object({
  title: z.string(),
  // WeChat documents success/error/loading/none; any other word shows no icon rather than failing the call
  icon: z.string().default('success'),
  image: z.string().optional(),
  duration: z.number().default(1500),
  mask: z.boolean().default(false),
});

export const ShowLoadingParams = z.object({
  title: z.string(),
  mask: z.boolean().default(false),
});

export const ShowModalParams = z.object({
  title: z.string().default(''),
  content: z.string().default(''),
  showCancel: z.boolean().default(true),
  cancelText: z.string().default('取消'),
  cancelColor: z.string().default('#000000'),
  confirmText: z.string().default('确定'),
  confirmColor: z.string().default('#576B95'),
  editable: z.boolean().default(false),
  placeholderText: z.string().default(''),
});

export const MAX_ACTION_SHEET_ITEMS = 6;

export const ShowActionSheetParams = z.object({
  alertText: z.string().default(''),
  itemList: z.array(z.string()),
  itemColor: z.string().default('#000000'),
});

export const PreviewImageParams = z.object({
  urls: z.array(z.string()),
  current: z.string().optional(),
});

export type ParsedParams<T> = { ok: true; value: T } | { ok: false; errMsg: string };

/** Parses `params` for `api`, or gives the errMsg WeChat would. */
export function parseParams<S extends z.ZodType>(api: string, schema: S, params: unknown): ParsedParams<z.output<S>> {
  const input = params ?? {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errMsg: `${api}:fail parameter error: ${describeParamIssues(parsed.error.issues, input)}` };
}
