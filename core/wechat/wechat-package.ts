import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppId, Manifest, WechatProjectManifest } from '../contracts/app';
import { IssueList, WechatCompileError } from './compile-issues';
import { compileProject, type CompiledApp } from './compile-project';
import { scanDomains } from './domain-scan';
import { positionOfJsonPath, readJsonFile } from './json-file';
import { PROJECT_CONFIG, PROJECT_MANIFEST, readWechatProject, type WechatProject } from './project-reader';

/** A WeChat project ready to install: its effective manifest and its compiled bundle. */
export interface PreparedWechatApp {
  /** what the catalog stores as the app's manifest.json (format "wechat", entry = its app.json) */
  manifest: Manifest;
  /** the project had no usable appid (a test project): the shell made one up, shown at install */
  appIdGenerated: boolean;
  /** where the capability list comes from: the project's manifest.json, or a scan of its code */
  capabilitySource: 'manifest' | 'code';
  /** what the scan could not read, shown at install */
  notes: string[];
  compiled: CompiledApp;
}

/** WeChat's placeholder for "no appid" in test projects. */
const TOURIST_APPID = 'touristappid';

/**
 * A local appId for a project without one: stable for the same project name, so reinstalling or
 * reloading a dev app keeps its data; "local-" marks it as made up by this shell.
 */
export function localAppId(projectName: string): string {
  return `local-${createHash('sha256').update(projectName).digest('hex').slice(0, 12)}`;
}

function displayName(project: WechatProject): string {
  let name = project.config.projectname ?? '';
  try {
    name = decodeURIComponent(name); // DevTools writes non-ASCII project names percent-encoded
  } catch {
    // not encoded
  }
  return (name.trim() || 'Mini program').slice(0, 40);
}

/** The appId the project names, a generated one when it names none, or an issue when it names a bad one. */
function projectAppId(project: WechatProject, configText: string, issues: IssueList): { appId: string; generated: boolean } {
  const appid = project.config.appid?.trim();
  if (!appid || appid === TOURIST_APPID) return { appId: localAppId(project.config.projectname ?? 'miniprogram'), generated: true };
  const checked = AppId.safeParse(appid);
  if (checked.success) return { appId: appid, generated: false };
  const { line, col } = positionOfJsonPath(configText, ['appid']);
  issues.add(PROJECT_CONFIG, line, col, `appid: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { appId: appid, generated: false };
}

/** What the user is shown of the server domains read from the code: the lists, then what could not be read. */
function domainNotes(derived: ReturnType<typeof scanDomains>): string[] {
  const lists = Object.entries(derived.domains).map(([kind, list]) => `${kind} domains read from the code: ${list.join(', ')}`);
  return [...lists, ...derived.notes];
}

/**
 * Reads, checks and compiles a WeChat DevTools project folder, and works out its registration: the
 * project's manifest.json when it has one, otherwise identity from project.config.json and the
 * capability list from what the code calls. Throws one WechatCompileError listing every problem.
 */
export async function prepareWechatApp(projectDir: string): Promise<PreparedWechatApp> {
  const issues = new IssueList();
  const outside = new Map<string, string>();
  for (const file of [PROJECT_CONFIG, PROJECT_MANIFEST]) {
    const text = await readFile(join(projectDir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) outside.set(file, text);
  }
  const sources = new Map<string, string>();
  const project = await readWechatProject(projectDir, issues, sources);
  const sourceOf = (file: string) => sources.get(file) ?? outside.get(file);
  if (!project) throw new WechatCompileError(issues.issues, sourceOf);

  let declared: ReturnType<typeof WechatProjectManifest.parse> | undefined;
  if (project.manifestText !== undefined) declared = readJsonFile(PROJECT_MANIFEST, project.manifestText, WechatProjectManifest, issues);
  const identity = declared ? { appId: declared.appId, generated: false } : projectAppId(project, outside.get(PROJECT_CONFIG) ?? '', issues);
  if (!issues.empty) throw new WechatCompileError(issues.issues, sourceOf);

  const compiled = compileProject(project, identity.appId);
  const derived = declared ? undefined : scanDomains(compiled.trees);
  const entry = `${project.rootPrefix}app.json`;
  const manifest: Manifest = declared
    ? { ...declared, entry, format: 'wechat' }
    : {
        appId: identity.appId,
        name: displayName(project),
        version: '1.0.0',
        entry,
        permissions: { openApi: compiled.capabilities.openApi, customApi: compiled.capabilities.customApi },
        ...(derived && Object.keys(derived.domains).length ? { domains: derived.domains } : {}),
        format: 'wechat',
      };
  const checked = Manifest.safeParse(manifest);
  if (!checked.success) {
    const lines = checked.error.issues.map((i) => ({ file: PROJECT_CONFIG, line: 1, col: 1, message: `the registration made from this project is invalid: ${i.path.join('.')}: ${i.message}` }));
    throw new WechatCompileError(lines, sourceOf);
  }
  return {
    manifest: checked.data,
    appIdGenerated: identity.generated,
    capabilitySource: declared ? 'manifest' : 'code',
    notes: derived ? [...compiled.capabilities.notes, ...domainNotes(derived)] : [],
    compiled,
  };
}
