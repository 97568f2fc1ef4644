import { STORAGE_MIRROR_ELEMENT_ID } from '../core/contracts/ipc-channels';

/**
 * Reads the Sync storage mirror the host embedded as the first element of the page's <head>.
 * The preload's isolated world shares the DOM with the page, so this works once the document has
 * been parsed that far (the first Sync call, never at preload time). Missing or unreadable means
 * empty storage, never an exception: a page without the element still gets a working wx.
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
