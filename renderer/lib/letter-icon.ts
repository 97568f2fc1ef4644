/** Placeholder for apps without an icon: first letter of the name on a calm colour chosen by appId. */
const TONES = ['#4f6bed', '#2f8f83', '#b4690e', '#8a55c9', '#c2415d', '#3b82a0', '#5b7a2e', '#7a5c3e'] as const;

export function letterFor(name: string): string {
  const first = [...name.trim()][0];
  return first ? first.toLocaleUpperCase() : '?';
}

export function toneFor(appId: string): string {
  // Not a hash of anything secret: just a stable spread of char codes over a small palette.
  let sum = 0;
  for (const ch of appId) sum = (sum * 31 + ch.charCodeAt(0)) % 9973;
  return TONES[sum % TONES.length] ?? TONES[0];
}
