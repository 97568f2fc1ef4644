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

/**
 * hideToast / hideLoading. WeChat (2.22.1): the toast and loading calls are interchangeable by default, so
 * hideLoading also closes a toast and hideToast a loading box; `noConflict: true` makes each close only its own.
 */
export const HideToastParams = z.object({
  noConflict: z._default(z.boolean(), false),
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

/**
 * WeChat: the modal's button words are "at most 4 characters", and its failure names "4 Chinese characters".
 * Counted as that width: a Chinese (any non-ASCII) character is 1 and an ASCII one half, so the common
 * English words ("Delete", "Confirm") fit, as they do in WeChat's English apps, and "仅本地保存" does not.
 */
export const MAX_MODAL_BUTTON_CHARS = 4;

function modalTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x80 ? 0.5 : 1;
  return width;
}

/** The fail errMsg for a modal button text over the limit (as WeChat's base library words it), or undefined. */
export function modalButtonTextError(options: { confirmText: string; cancelText: string }): string | undefined {
  for (const key of ['confirmText', 'cancelText'] as const) {
    if (modalTextWidth(options[key]) > MAX_MODAL_BUTTON_CHARS) return `showModal:fail ${key} length should not larger than 4 Chinese characters`;
  }
  return undefined;
}

export const MAX_ACTION_SHEET_ITEMS = 6;

export const ShowActionSheetParams = z.object({
  alertText: z._default(z.string(), ''),
  itemList: z.array(z.string()),
  itemColor: z._default(z.string(), '#000000'),
});

export const PreviewImageParams = z.object({
  urls: z.array(z.string()),
  current: z.optional(z.string()),
  // the long-press menu (save, forward) has no desktop counterpart; accepted and ignored
  showmenu: z._default(z.boolean(), true),
  // WeChat's default sends no Referer with the images; "origin" sends one (any other word: the default)
  referrerPolicy: z._default(z.string(), 'no-referrer'),
});

export type ParsedParams<T> = { ok: true; value: T } | { ok: false; errMsg: string };

/** Parses `params` for `api`, or gives the errMsg WeChat would. */
export function parseParams<S extends z.ZodMiniType>(api: string, schema: S, params: unknown): ParsedParams<z.output<S>> {
  const input = params ?? {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errMsg: `${api}:fail parameter error: ${describeParamIssues(parsed.error.issues, input)}` };
}
