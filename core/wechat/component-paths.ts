import { normalizePackagePath } from './require-resolve';

/**
 * Where a `usingComponents` entry points: "./card", "../x/card", "/components/card/card", or an npm
 * component "vant/button" (miniprogram_npm of the declaring folder or one above it). A folder means its
 * "index". Returns the package path without extension ("components/card/card"), or undefined when
 * no component (.wxml) is there or the path leaves the package.
 */
export function resolveComponentPath(declaredIn: string, target: string, hasTemplate: (pathWithoutExt: string) => boolean): string | undefined {
  const dir = declaredIn.includes('/') ? declaredIn.slice(0, declaredIn.lastIndexOf('/')) : '';
  const candidates = (base: string | undefined) => (base === undefined ? [] : [base, `${base}/index`]);
  const direct = normalizePackagePath(target.startsWith('/') ? target : `${dir}/${target}`);
  const tries = [...candidates(direct)];
  if (!target.startsWith('/') && !target.startsWith('.')) {
    const parts = dir ? dir.split('/') : [];
    for (let depth = parts.length; depth >= 0; depth--) {
      tries.push(...candidates(normalizePackagePath(`${parts.slice(0, depth).join('/')}/miniprogram_npm/${target}`)));
    }
  }
  return tries.find((path) => path !== '' && hasTemplate(path));
}
