export { BUILD_FOLDER, currentBuildDir, writeBuild } from './build-output';
export { WechatCompileError, type CompileIssue } from './compile-issues';
export { compileProject, type CompiledApp } from './compile-project';
export { isWechatProjectFolder, readWechatProject } from './project-reader';
export { localAppId, prepareWechatApp, type PreparedWechatApp } from './wechat-package';
export { resolveRequire } from './require-resolve';
export { styleScopeName } from './style-scope';
export { miniProgramRootOf, packageFilePath, viewEntryPath, wechatAssetFile, WX_APP_PREFIX, WX_RUNTIME_PREFIX, type WechatAsset } from './serve-paths';
export { COMPILE_ERROR_ELEMENT_ID, wechatViewPage } from './view-page';
