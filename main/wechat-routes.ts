import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Manifest } from '../core/contracts/app';
import { packageFilePath, wechatAssetFile } from '../core/wechat/serve-paths';
import { wechatViewPage } from '../core/wechat/view-page';
import { rangedFileResponse, textResponse } from './file-response';

/**
 * What a WeChat-format app's origin serves besides its package files (docs/wechat-format.md section 3):
 * "/" is the runtime's view page, /__wx/runtime/* the runtime from dist/miniprogram, /__wx/app/* the
 * app's current compiled bundle. The same mapping as the browser host (core/wechat/serve-paths.ts).
 */
export interface WechatRoutesOptions {
  manifest(appId: string): Manifest | undefined;
  /** the folder of the app's current compiled bundle */
  buildDir(appId: string): Promise<string | undefined>;
  /** dist/miniprogram */
  runtimeDir: string;
}

/**
 * The view page (the protocol handler adds the storage mirror and page policy), a file, a package file
 * (its path in the installed folder, under the mini program root), or undefined: not a WeChat-format app.
 */
export type WechatRoute = { kind: 'page'; html: string } | { kind: 'response'; response: Response } | { kind: 'package'; urlPath: string } | undefined;

export function createWechatRoutes(options: WechatRoutesOptions): (appId: string, urlPath: string, request: Request) => Promise<WechatRoute> {
  return async (appId, urlPath, request) => {
    const manifest = options.manifest(appId);
    if (manifest?.format !== 'wechat') return undefined;
    if (urlPath === '/' || urlPath === '') {
      // the current build's folder is named by its source hash (core/wechat/build-output.ts): the view keys its rendering cache by it
      const buildDir = await options.buildDir(appId);
      return { kind: 'page', html: wechatViewPage({ title: manifest.name, ...(buildDir ? { appBuild: basename(buildDir) } : {}) }) };
    }
    const asset = wechatAssetFile(urlPath, { runtimeDir: options.runtimeDir, buildDir: await options.buildDir(appId) });
    if (!asset) return { kind: 'package', urlPath: packageFilePath(urlPath, manifest) };
    if (asset.kind === 'missing' || !(await stat(asset.file).catch(() => undefined))) return { kind: 'response', response: textResponse(404, 'Not found.') };
    return { kind: 'response', response: await rangedFileResponse(asset.file, request) };
  };
}
