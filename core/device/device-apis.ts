import type { DeviceApisDeps } from '../contracts/device-host';
import type { Prompter } from '../contracts/ports';
import type { ConsentLedger } from '../contracts/services';
import { createChooseImages } from './choose-images';
import { createClipboardApis } from './clipboard-apis';

export type DeviceApis = ReturnType<typeof createDeviceApis>;

/** wx.setClipboardData, getClipboardData, chooseImage and chooseMedia, given the shell's ledger and sheets. */
export function createDeviceApis(deps: DeviceApisDeps, shell: { ledger: ConsentLedger; prompter: Prompter }) {
  return {
    ...createClipboardApis({ host: deps.host, ledger: shell.ledger, prompter: shell.prompter, toast: deps.toast, permissionsChanged: deps.permissionsChanged }),
    ...createChooseImages({ host: deps.host, tempFiles: deps.tempFiles, ...(deps.maxFileBytes ? { maxFileBytes: deps.maxFileBytes } : {}) }),
  };
}
