import type { BaseWindow, Dialog } from 'electron';
import type { InstallPreview } from '../core/contracts/shell-api';

type ConfirmDialog = Pick<Dialog, 'showMessageBox'>;

/**
 * The menu's "Install Mini Program…" installs without the shell UI, so a WeChat DevTools project's
 * confirmation (the install panel's step: its appId, generated or not, and the capabilities read from
 * its code) is a native dialog here. Cancel is the default: Enter installs nothing.
 */
export async function confirmInstall(dialog: ConfirmDialog, window: BaseWindow, preview: InstallPreview): Promise<boolean> {
  if (preview.format !== 'wechat') return true;
  const apis = [...preview.openApi.map((name) => `wx.${name}`), ...preview.customApi.map((name) => `custom: ${name}`)];
  const detail = [
    `App ID: ${preview.appId}${preview.appIdGenerated ? ' (generated: the project has no appid)' : ''}`,
    `Capabilities (${preview.capabilitySource === 'code' ? 'found in its code' : 'declared in its manifest.json'}): ${apis.length ? apis.join(', ') : 'none'}`,
    ...(preview.replaces ? [`Replaces the installed "${preview.replaces}"`] : []),
    ...preview.notes,
  ].join('\n');
  const choice = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'Install a mini program',
    message: `Install "${preview.name}" ${preview.version}, a WeChat mini program?`,
    detail,
    buttons: ['Cancel', 'Install'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return choice.response === 1;
}
