/**
 * WeChat names value types the way JavaScript's constructors are named ("String", "Undefined", ...)
 * in its parameter errors; mini program code and its tests match on these words.
 */
export function jsTypeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  switch (typeof value) {
    case 'undefined':
      return 'Undefined';
    case 'string':
      return 'String';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    case 'bigint':
      return 'BigInt';
    case 'symbol':
      return 'Symbol';
    case 'function':
      return 'Function';
    default:
      return 'Object';
  }
}
