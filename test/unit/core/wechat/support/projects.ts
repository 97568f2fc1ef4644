import { prepareWechatApp, type PreparedWechatApp } from '../../../../../core/wechat';
import { tempDir, writePackage } from '../../../../support/packages';

/** A minimal valid DevTools project: one page, whose files a test overrides or adds to. */
export function projectFiles(files: Record<string, string> = {}): Record<string, string> {
  return {
    'project.config.json': JSON.stringify({ appid: 'wxtestproject01', projectname: 'test-project' }),
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({});\n',
    'pages/index/index.wxml': '<view>hi</view>\n',
    'pages/index/index.js': 'Page({});\n',
    ...files,
  };
}

/** Writes a project (projectFiles defaults plus `files`) into a temp folder and compiles it. */
export async function compileFiles(files: Record<string, string>): Promise<PreparedWechatApp> {
  return prepareWechatApp(await writePackage(await tempDir('wechat-project-'), projectFiles(files)));
}

/** The message of the compile error a project raises (failing the test when it compiles). */
export async function compileErrorOf(files: Record<string, string>): Promise<string> {
  const error = await compileFiles(files).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('expected the project not to compile');
  return error.message;
}
