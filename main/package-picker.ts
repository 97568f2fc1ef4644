import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';

/**
 * pickPackage for the runtime: the native open dialog for a mini program folder or .zip.
 * On Windows and Linux one dialog cannot select both files and folders (asking for both shows a
 * folder picker), so there the user first says which kind they have.
 */

type PickerDialog = Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;

const ZIP_FILTER = [{ name: 'Mini program package (.zip)', extensions: ['zip'] }];

export async function pickPackage(dialog: PickerDialog, window: BaseWindow, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  let options: OpenDialogOptions;
  if (platform === 'darwin') {
    options = { title: 'Install a mini program', buttonLabel: 'Install', properties: ['openFile', 'openDirectory'], filters: ZIP_FILTER };
  } else {
    const choice = await dialog.showMessageBox(window, {
      type: 'question',
      title: 'Install a mini program',
      message: 'Is the mini program a folder or a .zip file?',
      buttons: ['Folder…', '.zip file…', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (choice.response === 2) return null;
    options =
      choice.response === 0
        ? { title: 'Choose the mini program folder (it holds manifest.json)', buttonLabel: 'Install', properties: ['openDirectory'] }
        : { title: 'Choose the mini program .zip', buttonLabel: 'Install', properties: ['openFile'], filters: ZIP_FILTER };
  }
  const result = await dialog.showOpenDialog(window, options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}
