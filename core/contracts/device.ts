import { z } from 'zod';

/**
 * The device APIs on the wire: the clipboard (wx.setClipboardData / getClipboardData) and choosing
 * images (wx.chooseImage / chooseMedia), with WeChat's parameters and success fields. The host does the
 * work (core/device): the system clipboard, and the host's own file dialog or trusted chooser sheet.
 */

/**
 * The per-app grant behind getClipboardData, kept in the consent ledger beside the scopes so Settings ›
 * Permissions lists it and can revoke it. WeChat has no scope for it (reading the clipboard is covered by
 * its privacy agreement), so it is not a `scope.*` name and getSetting does not report it.
 */
export const CLIPBOARD_READ_GRANT = 'clipboard.read';

/** What setClipboardData's toast says, as WeChat documents it ("内容已复制", shown for 1.5 s). */
export const CLIPBOARD_TOAST_TEXT = '内容已复制';
export const CLIPBOARD_TOAST_MS = 1500;

/** Largest text setClipboardData takes (characters); the bridge's request limit bounds it anyway. */
export const CLIPBOARD_MAX_CHARS = 1024 * 1024;

/** Largest single file chooseImage / chooseMedia copy into the app's temp area. */
export const CHOSEN_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const CHOOSE_IMAGE_MAX_COUNT = 9;
/** WeChat: 9 before base library 2.25.0, 20 since */
export const CHOOSE_MEDIA_MAX_COUNT = 20;

/** The extensions the pickers offer and the copies keep (lower case, no dot). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'] as const;

const SizeType = z.array(z.enum(['original', 'compressed']));
const SourceType = z.array(z.enum(['album', 'camera']));

export const SetClipboardDataParams = z.object({ data: z.string().max(CLIPBOARD_MAX_CHARS) });
export const GetClipboardDataResult = z.object({ data: z.string() });

export const ChooseImageParams = z.object({
  count: z.number().int().min(1).max(CHOOSE_IMAGE_MAX_COUNT).default(CHOOSE_IMAGE_MAX_COUNT),
  sizeType: SizeType.default(['original', 'compressed']),
  sourceType: SourceType.default(['album', 'camera']),
});
export const ChooseImageResult = z.object({
  tempFilePaths: z.array(z.string()),
  tempFiles: z.array(z.object({ path: z.string(), size: z.number().int() })),
});

export const ChooseMediaParams = z.object({
  count: z.number().int().min(1).max(CHOOSE_MEDIA_MAX_COUNT).default(9),
  mediaType: z.array(z.enum(['image', 'video', 'mix'])).default(['image', 'video']),
  sourceType: SourceType.default(['album', 'camera']),
  maxDuration: z.number().min(3).max(60).optional(),
  sizeType: SizeType.default(['original', 'compressed']),
  camera: z.enum(['back', 'front']).optional(),
});
export const ChooseMediaResult = z.object({
  tempFiles: z.array(
    z.object({
      tempFilePath: z.string(),
      size: z.number().int(),
      fileType: z.literal('image'),
      width: z.number().int().optional(),
      height: z.number().int().optional(),
    }),
  ),
  type: z.literal('image'),
});
