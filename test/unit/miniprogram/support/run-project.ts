import { runInThisContext } from 'node:vm';
import { readBundle } from '../../../../miniprogram/logic/bundle';
import { compileFiles } from '../../core/wechat/support/projects';
import { startApp, type StartOptions } from './harness';

/**
 * The compiler's real output (core/wechat) run by the runtime: logic.js loaded as the Worker's importScripts
 * does, under the URL the host serves it at (error frames name it), then started like an app.
 */
export async function runProject(files: Record<string, string>, options: StartOptions = {}) {
  const prepared = await compileFiles(files);
  const global = globalThis as { __wxAppBundle?: unknown };
  runInThisContext(prepared.compiled.logicJs, { filename: 'http://wxtestproject01.localhost:1/__wx/app/logic.js' });
  const bundle = readBundle(global.__wxAppBundle);
  delete global.__wxAppBundle;
  return { ...startApp(bundle, options), css: prepared.compiled.appCss, prepared };
}
