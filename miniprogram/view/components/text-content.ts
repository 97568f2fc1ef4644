/** What `space` turns each space into (WeChat: ensp half a CJK character, emsp a whole one, nbsp the font's) */
const SPACES: Record<string, string> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };

/** The only entities WeChat's `decode` knows; anything else stays as written */
const ENTITIES: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', apos: "'", ensp: '\u2002', emsp: '\u2003' };

/**
 * The text a <text> shows for what the page wrote: entities decoded first (one pass, so "&amp;lt;" shows
 * "&lt;"), then each written space replaced by the `space` kind. An unknown `space` value leaves spaces alone.
 */
export function displayedText(raw: string, space: string, decode: boolean): string {
  let text = decode ? raw.replace(/&(nbsp|lt|gt|amp|apos|ensp|emsp);/g, (_, name: string) => ENTITIES[name]!) : raw;
  const spaceChar = SPACES[space];
  if (spaceChar) text = text.replace(/ /g, spaceChar);
  return text;
}
