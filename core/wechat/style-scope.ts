import { createHash } from 'node:crypto';

/**
 * The style scope name of a page or component, shared by the WXSS compiler (which prefixes class
 * selectors with it) and the runtime (which registers it with glass-easel so elements get the same
 * prefixed DOM classes). Deterministic, so a rebuild keeps class names stable; short, because it
 * appears on every element.
 */
export function styleScopeName(componentPath: string): string {
  return 'wx' + createHash('sha256').update(componentPath).digest('hex').slice(0, 8);
}
