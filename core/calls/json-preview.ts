/**
 * What the inspector keeps of a call's params and result: the value itself when it is small and shallow,
 * otherwise a JSON-safe preview cut to a byte budget, so one huge or deeply nested value can neither grow
 * the host's memory nor break whoever serialises the record later (the shell channel, Electron IPC).
 *
 * Sizes are JSON sizes counted in UTF-16 code units (equal to UTF-8 bytes for ASCII text); they bound
 * memory and tell the developer how big a value was, they are not the wire limit (the transport measures that).
 */

export interface PreviewLimits {
  /** largest preview, in JSON characters (markers included) */
  maxChars: number;
  /** nesting levels kept; deeper values become a marker */
  maxDepth: number;
  /** longest string kept whole */
  maxString: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { maxChars: 4096, maxDepth: 8, maxString: 512 };

export interface Preview {
  value: unknown;
  /** JSON size of the preview as kept */
  chars: number;
  /** true when the preview is not the whole value */
  truncated: boolean;
  /** JSON size of the whole value */
  size: number;
}

/**
 * JSON size of `value` if it fits the limits (every string short, depth and total within bounds), else -1.
 * Allocates nothing, so the common small call pays only this walk.
 */
export function sizeIfSmall(value: unknown, limits: PreviewLimits, depth = 0, budget = limits.maxChars): number {
  switch (typeof value) {
    case 'string':
      return value.length > limits.maxString ? -1 : value.length + 2;
    case 'number':
      return 8;
    case 'boolean':
      return 5;
    case 'undefined':
      return 0;
    case 'object': {
      if (value === null) return 4;
      if (depth >= limits.maxDepth) return -1;
      let total = 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item = sizeIfSmall(value[i], limits, depth + 1, budget - total);
          if (item < 0) return -1;
          total += item + 1;
          if (total > budget) return -1;
        }
        return total;
      }
      // Only plain data: a class instance, Map or Date may not survive serialisation as the app saw it.
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return -1;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        const item = sizeIfSmall((value as Record<string, unknown>)[key], limits, depth + 1, budget - total);
        if (item < 0) return -1;
        total += key.length + 4 + item;
        if (total > budget) return -1;
      }
      return total;
    }
    default:
      return -1;
  }
}

/**
 * A copy of part of a string that does not keep the whole alive: V8 represents `slice` of a long string as
 * a view into it, so a 500-character preview would otherwise hold on to a 1 MB param.
 */
export function detachedSlice(text: string, end: number): string {
  return JSON.parse(JSON.stringify(text.slice(0, end))) as string;
}

interface Budget {
  left: number;
  truncated: boolean;
}

const describeKind = (value: object): string => (Array.isArray(value) ? `Array(${value.length})` : 'Object');

function cut(value: unknown, limits: PreviewLimits, depth: number, budget: Budget): unknown {
  switch (typeof value) {
    case 'string': {
      if (value.length <= limits.maxString && value.length + 2 <= budget.left) {
        budget.left -= value.length + 2;
        return value;
      }
      budget.truncated = true;
      const keep = Math.max(0, Math.min(limits.maxString, budget.left - 40));
      budget.left -= keep + 40;
      return `${detachedSlice(value, keep)}…(${value.length} characters in all)`;
    }
    case 'number':
    case 'boolean':
      budget.left -= 8;
      return value;
    case 'undefined':
      return undefined;
    case 'bigint':
      budget.truncated = true;
      budget.left -= 24;
      return `[BigInt ${detachedSlice(String(value), 20)}]`;
    case 'object': {
      if (value === null) {
        budget.left -= 4;
        return null;
      }
      if (depth >= limits.maxDepth) {
        budget.truncated = true;
        budget.left -= 40;
        return `[${describeKind(value)} nested deeper than ${limits.maxDepth} levels]`;
      }
      budget.left -= 2;
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
          if (budget.left <= 0) {
            budget.truncated = true;
            out.push(`…${value.length - i} more items`);
            break;
          }
          out.push(cut(value[i], limits, depth + 1, budget) ?? null);
          budget.left -= 1;
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (budget.left <= 0) {
          budget.truncated = true;
          out['…'] = `${keys.length - i} more keys`;
          break;
        }
        const shownKey = key.length > 64 ? `${detachedSlice(key, 64)}…` : key;
        if (shownKey !== key) budget.truncated = true;
        budget.left -= shownKey.length + 4;
        const item = cut((value as Record<string, unknown>)[key], limits, depth + 1, budget);
        if (item !== undefined) out[shownKey] = item;
      }
      return out;
    }
    default:
      // functions and symbols: JSON drops them, and so does the preview
      return undefined;
  }
}

/**
 * The value itself when it is plain, small and shallow; otherwise a new JSON-safe value of at most about
 * `maxChars` characters that keeps the beginning of everything and says what was left out.
 */
export function previewJson(value: unknown, limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS): Preview {
  const small = sizeIfSmall(value, limits, 0, limits.maxChars);
  if (small >= 0) return { value, chars: small, truncated: false, size: small };
  const budget: Budget = { left: limits.maxChars, truncated: false };
  try {
    const kept = cut(value, limits, 0, budget);
    return { value: kept, chars: limits.maxChars - budget.left, truncated: budget.truncated, size: jsonSize(value) };
  } catch (e) {
    // a getter or a proxy that throws: the inspector says so instead of failing the call
    const note = detachedSlice(`[unreadable value: ${e instanceof Error ? e.message : String(e)}]`, 200);
    return { value: note, chars: note.length + 2, truncated: true, size: -1 };
  }
}

/**
 * The JSON size of a value, walked iteratively (no recursion, so any depth is safe), stopping once it
 * passes `stopAt`. Used for the true size of a result, which no transport measured for us.
 */
export function jsonSize(value: unknown, stopAt = Number.MAX_SAFE_INTEGER): number {
  let total = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0 && total <= stopAt) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
        total += item.length + 2;
        break;
      case 'number':
      case 'bigint':
        total += 8;
        break;
      case 'boolean':
        total += 5;
        break;
      case 'object':
        if (item === null) {
          total += 4;
          break;
        }
        if (seen.has(item)) break; // a cycle cannot be sent anyway; count it once
        seen.add(item);
        total += 2;
        if (Array.isArray(item)) {
          total += item.length;
          for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
        } else {
          for (const key of Object.keys(item)) {
            total += key.length + 4;
            stack.push((item as Record<string, unknown>)[key]);
          }
        }
        break;
      default:
        break;
    }
  }
  return total;
}
