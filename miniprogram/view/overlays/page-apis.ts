import { openActionSheet } from './action-sheet';
import { openModal } from './modal';
import {
  HideToastParams,
  MAX_ACTION_SHEET_ITEMS,
  modalButtonTextError,
  parseParams,
  PreviewImageParams,
  ShowActionSheetParams,
  ShowLoadingParams,
  ShowModalParams,
  ShowToastParams,
} from './page-api-params';
import { openImagePreview } from './preview-image';
import { ToastBox, type ToastIcon } from './toast';

/** What an API answers: success or fail with WeChat's result object (errMsg included). */
export type ApiOutcome = { ok: true; result: Record<string, unknown> & { errMsg: string } } | { ok: false; result: { errMsg: string } };

export type PageApiHandler = (params: Record<string, unknown>) => Promise<ApiOutcome>;

const ok = (api: string, extra: Record<string, unknown> = {}): ApiOutcome => ({ ok: true, result: { ...extra, errMsg: `${api}:ok` } });
const fail = (errMsg: string): ApiOutcome => ({ ok: false, result: { errMsg } });

const TOAST_ICONS: readonly string[] = ['success', 'error', 'loading', 'none'];

export interface PageApiOptions {
  /** turns a path the app gave (toast image, preview urls) into a URL the view can load */
  resolveUrl?: (path: string) => string;
}

/**
 * The interaction APIs that the view draws (toast, loading, modal, action sheet, image preview), as
 * handlers of plain params (the callbacks stay in the logic layer) that answer WeChat's result objects.
 */
export function createPageApis(doc: Document, options: PageApiOptions = {}): Record<string, PageApiHandler> {
  const toast = new ToastBox(doc);
  const resolve = options.resolveUrl ?? ((p: string) => p);
  return {
    async showToast(params) {
      const p = parseParams('showToast', ShowToastParams, params);
      if (!p.ok) return fail(p.errMsg);
      const icon = (TOAST_ICONS.includes(p.value.icon) ? p.value.icon : 'none') as ToastIcon;
      toast.showToast({ ...p.value, icon, ...(p.value.image ? { image: resolve(p.value.image) } : {}) });
      return ok('showToast');
    },
    async hideToast(params) {
      const p = parseParams('hideToast', HideToastParams, params);
      if (!p.ok) return fail(p.errMsg);
      toast.hide('toast', p.value.noConflict);
      return ok('hideToast');
    },
    async showLoading(params) {
      const p = parseParams('showLoading', ShowLoadingParams, params);
      if (!p.ok) return fail(p.errMsg);
      toast.showLoading(p.value);
      return ok('showLoading');
    },
    async hideLoading(params) {
      const p = parseParams('hideLoading', HideToastParams, params);
      if (!p.ok) return fail(p.errMsg);
      toast.hide('loading', p.value.noConflict);
      return ok('hideLoading');
    },
    async showModal(params) {
      const p = parseParams('showModal', ShowModalParams, params);
      if (!p.ok) return fail(p.errMsg);
      const tooLong = modalButtonTextError(p.value);
      if (tooLong) return fail(tooLong);
      return ok('showModal', { ...(await openModal(doc, p.value)) });
    },
    async showActionSheet(params) {
      const p = parseParams('showActionSheet', ShowActionSheetParams, params);
      if (!p.ok) return fail(p.errMsg);
      // WeChat's base library words this limit so (sic)
      if (p.value.itemList.length > MAX_ACTION_SHEET_ITEMS) return fail(`showActionSheet:fail parameter error: itemList should not be large than ${MAX_ACTION_SHEET_ITEMS}`);
      const tapIndex = await openActionSheet(doc, p.value);
      return tapIndex === undefined ? fail('showActionSheet:fail cancel') : ok('showActionSheet', { tapIndex });
    },
    async previewImage(params) {
      const p = parseParams('previewImage', PreviewImageParams, params);
      if (!p.ok) return fail(p.errMsg);
      if (p.value.urls.length === 0) return fail('previewImage:fail parameter error: parameter.urls should not be empty;');
      const urls = p.value.urls.map(resolve);
      const current = p.value.current !== undefined ? resolve(p.value.current) : urls[0]!;
      openImagePreview(doc, { urls, current, referrerPolicy: p.value.referrerPolicy === 'origin' ? 'origin' : 'no-referrer' });
      return ok('previewImage');
    },
  };
}
