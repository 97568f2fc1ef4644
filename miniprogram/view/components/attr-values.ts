/** Attribute values arrive as the template computed them: numbers, booleans, or strings such as "5" or "false". */
export function numberAttr(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function stringAttr(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}
