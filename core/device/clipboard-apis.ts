import type { CallerIdentity } from '../contracts/app';
import { CLIPBOARD_READ_GRANT, CLIPBOARD_TOAST_MS, CLIPBOARD_TOAST_TEXT } from '../contracts/device';
import type { DeviceHost } from '../contracts/device-host';
import { ApiError, Errno } from '../contracts/errors';
import type { Prompter } from '../contracts/ports';
import type { ConsentLedger } from '../contracts/services';
import { currentCallSignal } from '../dispatcher/call-context';

export interface ClipboardDeps {
  host: Pick<DeviceHost, 'writeClipboard' | 'readClipboard'>;
  ledger: ConsentLedger;
  prompter: Prompter;
  /** WeChat's toast after a copy, drawn by the shell */
  toast(caller: CallerIdentity, text: string, ms: number): void;
  /** Settings › Permissions shows the new grant */
  permissionsChanged(): void;
}

/**
 * wx.setClipboardData / getClipboardData against the system clipboard. Writing needs nothing (WeChat
 * shows "内容已复制" afterwards); reading what the user copied elsewhere is private, so the first read asks
 * in a trusted sheet and the answer is remembered per app until the user changes it in Settings.
 */
export function createClipboardApis(deps: ClipboardDeps) {
  const { ledger } = deps;
  return {
    async setClipboardData(caller: CallerIdentity, p: { data: string }): Promise<Record<string, never>> {
      await deps.host.writeClipboard(p.data, caller);
      deps.toast(caller, CLIPBOARD_TOAST_TEXT, CLIPBOARD_TOAST_MS);
      return {};
    },

    async getClipboardData(caller: CallerIdentity): Promise<{ data: string }> {
      const appId = caller.appInfo.appId;
      let decision = ledger.authSetting(appId)[CLIPBOARD_READ_GRANT];
      if (decision === undefined) {
        const answer = await deps.prompter.ask({ kind: 'clipboardRead', app: { appId, name: caller.appInfo.name } }, caller);
        // A sheet closed by the call's time limit was never answered: nothing to remember.
        if (currentCallSignal()?.aborted) throw new ApiError('timeout', { errno: Errno.apiTimeout });
        decision = answer.confirmed === true;
        ledger.decide(appId, CLIPBOARD_READ_GRANT, decision, 'getClipboardData');
        deps.permissionsChanged();
      }
      if (!decision) throw new ApiError('privacy permission is not authorized', { errno: Errno.privacyNotAuthorized });
      return { data: await deps.host.readClipboard(caller) };
    },
  };
}
