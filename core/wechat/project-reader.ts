import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { IssueList } from './compile-issues';
import { readJsonFile } from './json-file';
import { AppJson, ProjectConfig } from './schemas';

/** Files the compiler reads as text; everything else (images, fonts) is only served. */
const SOURCE_EXTENSIONS = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs']);
/** Folders that are never part of the package: tooling leftovers and the shell's own build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.wx-build']);

export const PROJECT_CONFIG = 'project.config.json';
/** The superapp's optional registration, beside project.config.json (DESIGN.md section 5). */
export const PROJECT_MANIFEST = 'manifest.json';
const PROJECT_FILES = [PROJECT_CONFIG, 'project.private.config.json', PROJECT_MANIFEST];

/** A WeChat DevTools project as read from disk, before compiling. */
export interface WechatProject {
  /** the project folder (where project.config.json is) */
  projectDir: string;
  /** the mini program root inside the project folder, "" or "miniprogram/" (always ending in "/") */
  rootPrefix: string;
  config: ProjectConfig;
  app: AppJson;
  /** the text of manifest.json beside project.config.json, when the project has one */
  manifestText: string | undefined;
  /** source files by path inside the mini program root ("pages/index/index.wxml") */
  sources: Map<string, string>;
}

/** Whether a folder is a WeChat DevTools project (it has project.config.json at its root). */
export async function isWechatProjectFolder(dir: string): Promise<boolean> {
  const info = await lstat(join(dir, PROJECT_CONFIG)).catch(() => undefined);
  return !!info?.isFile();
}

/** The mini program root named by `miniprogramRoot`, normalised; a root outside the project is an error. */
function rootPrefixOf(config: ProjectConfig, issues: IssueList): string {
  const raw = (config.miniprogramRoot ?? '').replace(/\\/g, '/');
  const normal = posix.normalize(raw || '.');
  if (normal === '.' || normal === './') return '';
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../')) {
    issues.add(PROJECT_CONFIG, 1, 1, `miniprogramRoot: "${raw}" is outside the project folder`);
    return '';
  }
  return normal.replace(/\/?$/, '/');
}

async function listSources(root: string, prefix: string, out: Map<string, string>): Promise<void> {
  for (const dirent of await readdir(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(dirent.name)) await listSources(root, rel, out);
    } else if (dirent.isFile() && SOURCE_EXTENSIONS.has(posix.extname(dirent.name))) {
      out.set(rel, await readFile(join(root, rel), 'utf8'));
    }
  }
}

/**
 * Reads project.config.json, then app.json and every source file at the mini program root. Problems
 * are added to `issues`; the result is undefined when the project cannot be read far enough to compile.
 * `sources` is filled as files are read, so a caller can show snippets even then.
 */
export async function readWechatProject(projectDir: string, issues: IssueList, sources = new Map<string, string>()): Promise<WechatProject | undefined> {
  const configText = await readFile(join(projectDir, PROJECT_CONFIG), 'utf8').catch(() => undefined);
  if (configText === undefined) {
    issues.add(PROJECT_CONFIG, 1, 1, 'missing: a WeChat DevTools project has project.config.json at its root');
    return undefined;
  }
  const config = readJsonFile(PROJECT_CONFIG, configText, ProjectConfig, issues);
  if (!config) return undefined;
  const rootPrefix = rootPrefixOf(config, issues);
  const rootDir = join(projectDir, ...rootPrefix.split('/').filter(Boolean));
  const rootInfo = await lstat(rootDir).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    issues.add(PROJECT_CONFIG, 1, 1, `miniprogramRoot: "${rootPrefix}" is not a folder of the project`);
    return undefined;
  }
  await listSources(rootDir, '', sources);
  // With the mini program at the project root, the project's own files sit beside app.json: not package sources.
  if (rootPrefix === '') for (const file of PROJECT_FILES) sources.delete(file);
  const appText = sources.get('app.json');
  if (appText === undefined) {
    issues.add(`${rootPrefix}app.json`, 1, 1, 'missing: the mini program root needs app.json');
    return undefined;
  }
  const app = readJsonFile('app.json', appText, AppJson, issues);
  if (!app) return undefined;
  const manifestText = await readFile(join(projectDir, PROJECT_MANIFEST), 'utf8').catch(() => undefined);
  return { projectDir, rootPrefix, config, app, manifestText, sources };
}
