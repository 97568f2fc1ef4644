import { STORAGE_MIRROR_ELEMENT_ID, STORAGE_MIRROR_EVENT } from '../core/contracts/ipc-channels';

type MirrorDocument = Pick<Document, 'getElementById' | 'addEventListener' | 'removeEventListener'>;

/**
 * Reads the Sync storage mirror the host embedded as the first element of the page's <head>.
 * Missing or unreadable means empty storage, never an exception: a page without the element still
 * gets a working wx.
 */
export function readStorageMirror(doc: Pick<Document, 'getElementById'>): Record<string, unknown> {
  const text = doc.getElementById(STORAGE_MIRROR_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Called at preload time, before the document is parsed. Takes the mirror when main's first script in the
 * page fires STORAGE_MIRROR_EVENT (see main/storage-mirror.ts): the data block is complete then and no
 * page script has run yet. The element is removed afterwards, as the browser host removes its boot data.
 * The returned source is what createWx reads on the first Sync call; should the event never come (a page
 * served some other way), it falls back to reading the element then.
 */
export function captureStorageMirror(doc: MirrorDocument): () => Record<string, unknown> {
  let captured: Record<string, unknown> | undefined;
  const take = (): void => {
    doc.removeEventListener(STORAGE_MIRROR_EVENT, take);
    captured = readStorageMirror(doc);
    doc.getElementById(STORAGE_MIRROR_ELEMENT_ID)?.remove();
  };
  doc.addEventListener(STORAGE_MIRROR_EVENT, take);
  return () => captured ?? readStorageMirror(doc);
}
