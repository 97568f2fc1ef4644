import { describe, expect, it } from 'vitest';
import { HideToastParams, modalButtonTextError, parseParams, PreviewImageParams, ShowActionSheetParams, ShowModalParams, ShowToastParams } from '../../../miniprogram/view/overlays/page-api-params';

describe('page API parameters', () => {
  it("fills WeChat's documented defaults", () => {
    expect(parseParams('showToast', ShowToastParams, { title: 'Hi' })).toEqual({ ok: true, value: { title: 'Hi', icon: 'success', duration: 1500, mask: false } });
    const modal = parseParams('showModal', ShowModalParams, {});
    expect(modal).toEqual({
      ok: true,
      value: { title: '', content: '', showCancel: true, cancelText: '取消', cancelColor: '#000000', confirmText: '确定', confirmColor: '#576B95', editable: false, placeholderText: '' },
    });
  });

  it("fails with WeChat's parameter error wording", () => {
    expect(parseParams('showToast', ShowToastParams, {})).toEqual({ ok: false, errMsg: 'showToast:fail parameter error: parameter.title should be String instead of Undefined;' });
    expect(parseParams('showActionSheet', ShowActionSheetParams, { itemList: 'A' })).toEqual({
      ok: false,
      errMsg: 'showActionSheet:fail parameter error: parameter.itemList should be Array instead of String;',
    });
    expect(parseParams('showModal', ShowModalParams, { showCancel: 'no' })).toEqual({
      ok: false,
      errMsg: 'showModal:fail parameter error: parameter.showCancel should be Boolean instead of String;',
    });
  });
});

describe('page API parameters checked against WeChat documentation (docs/wechat-api-audit.md)', () => {
  it('hideToast / hideLoading: noConflict defaults to false (toast and loading calls are interchangeable)', () => {
    expect(parseParams('hideToast', HideToastParams, undefined)).toEqual({ ok: true, value: { noConflict: false } });
    expect(parseParams('hideLoading', HideToastParams, { noConflict: true })).toEqual({ ok: true, value: { noConflict: true } });
    expect(parseParams('hideLoading', HideToastParams, { noConflict: 1 })).toEqual({
      ok: false,
      errMsg: 'hideLoading:fail parameter error: parameter.noConflict should be Boolean instead of Number;',
    });
  });

  it('showModal: a button text wider than 4 Chinese characters (ASCII counts half) fails the call, confirmText checked first', () => {
    expect(modalButtonTextError({ confirmText: '确定', cancelText: '取消' })).toBeUndefined();
    expect(modalButtonTextError({ confirmText: '我知道了', cancelText: 'Keep' })).toBeUndefined();
    expect(modalButtonTextError({ confirmText: 'Delete', cancelText: 'Continue' })).toBeUndefined();
    expect(modalButtonTextError({ confirmText: 'Add to cart', cancelText: '取消' })).toBe('showModal:fail confirmText length should not larger than 4 Chinese characters');
    expect(modalButtonTextError({ confirmText: '确定', cancelText: '仅本地保存' })).toBe('showModal:fail cancelText length should not larger than 4 Chinese characters');
    expect(modalButtonTextError({ confirmText: '同意并保存', cancelText: '仅本地保存' })).toBe('showModal:fail confirmText length should not larger than 4 Chinese characters');
    // characters, not UTF-16 units: four emoji are four characters
    expect(modalButtonTextError({ confirmText: '👍👍👍👍', cancelText: '取消' })).toBeUndefined();
  });

  it('previewImage: showmenu true and referrerPolicy no-referrer by default', () => {
    expect(parseParams('previewImage', PreviewImageParams, { urls: ['a.png'] })).toEqual({
      ok: true,
      value: { urls: ['a.png'], showmenu: true, referrerPolicy: 'no-referrer' },
    });
  });
});
