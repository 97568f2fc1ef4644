import { basename } from 'node:path';
import { clipboard, dialog, nativeImage, type BaseWindow } from 'electron';
import { IMAGE_EXTENSIONS } from '../core/contracts/device';
import type { DeviceHost, PickedFile } from '../core/contracts/device-host';

/**
 * The desktop host's side of the device APIs (core/device): the system clipboard through Electron's
 * `clipboard` module, and chooseImage / chooseMedia through the native open dialog, modal to the shell
 * window. Core checks what was picked and copies it into the app's temp area; nothing here reads the
 * files beyond their pixel size.
 */
export function desktopDevice(window: BaseWindow): DeviceHost {
  return {
    writeClipboard: (text) => {
      clipboard.writeText(text);
      return Promise.resolve();
    },
    readClipboard: () => Promise.resolve(clipboard.readText()),
    async pickImages(request, caller) {
      const many = request.count > 1;
      const result = await dialog.showOpenDialog(window, {
        title: `${caller.appInfo.name}: choose ${many ? `up to ${request.count} images` : 'an image'}`,
        buttonLabel: 'Choose',
        properties: many ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [{ name: 'Images', extensions: [...IMAGE_EXTENSIONS] }],
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      return { files: result.filePaths.map(pickedFile) };
    },
  };
}

/** The file as picked, with its pixel size when Electron can decode it (an empty image has none). */
function pickedFile(path: string): PickedFile {
  const image = nativeImage.createFromPath(path);
  const size = image.isEmpty() ? undefined : image.getSize();
  return { path, name: basename(path), ...(size && size.width > 0 ? { width: size.width, height: size.height } : {}) };
}
