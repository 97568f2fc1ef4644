import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaseWindow, Dialog } from 'electron';

/**
 * saveFile for the runtime: the inspector's "Export JSON" (and any later export) in the desktop app. The
 * shell's session refuses every download (view-policies), so the page cannot save a file the browser way;
 * it hands the text to main, which asks where with the native save dialog and writes it there.
 */

type SaverDialog = Pick<Dialog, 'showSaveDialog'>;

const FILTERS: Record<string, Array<{ name: string; extensions: string[] }>> = {
  json: [{ name: 'JSON', extensions: ['json'] }],
};

export async function saveFile(dialog: SaverDialog, window: BaseWindow, downloadsDir: string, fileName: string, content: string): Promise<string | null> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const result = await dialog.showSaveDialog(window, {
    title: `Save ${fileName}`,
    defaultPath: join(downloadsDir, fileName),
    buttonLabel: 'Save',
    filters: [...(FILTERS[extension] ?? []), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, content, 'utf8');
  return result.filePath;
}
