import type { BaseWindow, MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { InstallPreview } from '../../../core/contracts/shell-api';
import { confirmInstall } from '../../../main/install-confirm';

const window = {} as BaseWindow;
const preview: InstallPreview = {
  format: 'wechat',
  appId: 'local-0123456789ab',
  appIdGenerated: true,
  name: 'Tea',
  version: '1.0.0',
  openApi: ['login', 'requestPayment'],
  customApi: ['notes.add'],
  capabilitySource: 'code',
  notes: ['app.js:3: wx.invokeNativePlugin with an api_name the install cannot read'],
};

function fakeDialog(response: number) {
  const shown: MessageBoxOptions[] = [];
  return {
    shown,
    dialog: { showMessageBox: async (_w: BaseWindow, options: MessageBoxOptions) => (shown.push(options), { response, checkboxChecked: false }) },
  };
}

describe('the menu install confirms a WeChat project natively', () => {
  it('shows the appId and the capabilities read from the code, with Cancel as the default', async () => {
    const { dialog, shown } = fakeDialog(1);
    expect(await confirmInstall(dialog as never, window, preview)).toBe(true);
    expect(shown[0]).toMatchObject({
      message: 'Install "Tea" 1.0.0, a WeChat mini program?',
      buttons: ['Cancel', 'Install'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(shown[0]!.detail).toBe(
      [
        'App ID: local-0123456789ab (generated: the project has no appid)',
        'Capabilities (found in its code): wx.login, wx.requestPayment, custom: notes.add',
        'app.js:3: wx.invokeNativePlugin with an api_name the install cannot read',
      ].join('\n'),
    );
  });

  it('installs nothing when the user cancels, and asks nothing for a web package', async () => {
    expect(await confirmInstall(fakeDialog(0).dialog as never, window, preview)).toBe(false);
    const web = fakeDialog(0);
    expect(await confirmInstall(web.dialog as never, window, { ...preview, format: 'web' })).toBe(true);
    expect(web.shown).toEqual([]);
  });
});
