import { describe, expect, it } from 'vitest';
import { parseParams, ShowActionSheetParams, ShowModalParams, ShowToastParams } from '../../../miniprogram/view/overlays/page-api-params';

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
