/** The type name WeChat's parameter errors use: "String", "Number", "Null", "Array", "Object"... */
export function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const t = typeof value;
  return t.charAt(0).toUpperCase() + t.slice(1);
}
