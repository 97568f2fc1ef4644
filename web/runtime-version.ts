import { join } from 'node:path';
import { wxScriptBuild } from './wx-script';

/** The WeChat-format runtime's files (dist/miniprogram/) whose builds make up its version. */
const RUNTIME_FILES = ['view.js', 'view.css', 'logic.js', 'editor.js', 'worker.js'];

/**
 * The build of the WeChat-format runtime as a whole, undefined while any file is not built. The view page
 * asks for view.css and view.js with it in their URL (`?v=`), and view.js starts the logic Worker and loads
 * the editor bundle with the same one (and the logic Worker starts wx.createWorker's worker.js with it), so all are served cacheable for good (as wx.js is: web/wx-script.ts) and a launch takes
 * them from the browser's cache, compiled code included, instead of revalidating each with this host.
 */
export async function runtimeVersion(runtimeDir: string): Promise<string | undefined> {
  const builds = await Promise.all(RUNTIME_FILES.map((name) => wxScriptBuild(join(runtimeDir, name))));
  if (builds.some((b) => b === undefined)) return undefined;
  return builds.map((b) => b!.version).join('.');
}
