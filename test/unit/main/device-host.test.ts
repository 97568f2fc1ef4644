import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appInfoFromManifest, Manifest } from '../../../core/contracts/app';

/** The Electron objects main/device-host.ts uses, recording what it did. */
const electron = vi.hoisted(() => {
  const state = {
    clipboardText: '',
    dialogs: [] as Array<{ window: unknown; options: Record<string, unknown> }>,
    nextDialog: { canceled: true, filePaths: [] as string[] },
    sizes: new Map<string, { width: number; height: number }>(),
  };
  return {
    state,
    clipboard: {
      writeText: (text: string) => void (state.clipboardText = text),
      readText: () => state.clipboardText,
    },
    dialog: {
      showOpenDialog: async (window: unknown, options: Record<string, unknown>) => {
        state.dialogs.push({ window, options });
        return state.nextDialog;
      },
    },
    nativeImage: {
      createFromPath: (path: string) => {
        const size = state.sizes.get(path);
        return { isEmpty: () => !size, getSize: () => size ?? { width: 0, height: 0 } };
      },
    },
  };
});
vi.mock('electron', () => ({ clipboard: electron.clipboard, dialog: electron.dialog, nativeImage: electron.nativeImage }));

const { desktopDevice } = await import('../../../main/device-host');

const caller = {
  appInfo: appInfoFromManifest(Manifest.parse({ appId: 'shop', name: 'Tea Shop', version: '1.0.0', entry: 'index.html', permissions: { openApi: [], customApi: [] } })),
  webViewId: 4,
};
const window = { id: 'shell-window' };

beforeEach(() => {
  electron.state.clipboardText = '';
  electron.state.dialogs = [];
  electron.state.sizes.clear();
});

describe('desktop device host (Electron glue)', () => {
  it('writes and reads the system clipboard through the clipboard module', async () => {
    const device = desktopDevice(window as never);
    await device.writeClipboard('copied text', caller);
    expect(electron.state.clipboardText).toBe('copied text');
    electron.state.clipboardText = 'from elsewhere';
    expect(await device.readClipboard(caller)).toBe('from elsewhere');
  });

  it('opens the native dialog modal to the shell window with image filters; several files only when count allows', async () => {
    const device = desktopDevice(window as never);
    electron.state.nextDialog = { canceled: false, filePaths: ['/home/u/Pictures/cat.png', '/home/u/raw.bmp'] };
    electron.state.sizes.set('/home/u/Pictures/cat.png', { width: 800, height: 600 });
    const picked = await device.pickImages({ api: 'chooseImage', count: 3 }, caller);
    expect(picked).toEqual({
      files: [
        { path: '/home/u/Pictures/cat.png', name: 'cat.png', width: 800, height: 600 },
        { path: '/home/u/raw.bmp', name: 'raw.bmp' },
      ],
    });
    expect(electron.state.dialogs).toEqual([
      {
        window,
        options: {
          title: 'Tea Shop: choose up to 3 images',
          buttonLabel: 'Choose',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'] }],
        },
      },
    ]);
    await device.pickImages({ api: 'chooseMedia', count: 1 }, caller);
    expect(electron.state.dialogs[1]!.options).toMatchObject({ title: 'Tea Shop: choose an image', properties: ['openFile'] });
  });

  it('a cancelled dialog is a cancel (null)', async () => {
    electron.state.nextDialog = { canceled: true, filePaths: [] };
    expect(await desktopDevice(window as never).pickImages({ api: 'chooseImage', count: 9 }, caller)).toBeNull();
  });
});
