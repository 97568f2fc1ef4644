import MagicString, { Bundle } from 'magic-string';

/** The parameters of every ModuleFactory, in the contract's order (docs/wechat-format.md section 1). */
export const MODULE_PARAMS = [
  'require', 'module', 'exports', 'wx', 'App', 'Page', 'Component', 'Behavior', 'getApp',
  'getCurrentPages', 'requirePlugin', 'window', 'document', 'globalThis',
] as const;

export interface LogicBundleInput {
  appId: string;
  app: Record<string, unknown>;
  configs: Record<string, Record<string, unknown>>;
  pages: string[];
  styleScopes: Record<string, string>;
  /** the JS expression TmplGroup#getTmplGenObjectGroups() returned */
  tmplCode: string;
  modules: Array<{ file: string; source: string }>;
}

const countLines = (text: string) => text.split('\n').length - 1;

/**
 * Links `logic.js`: one classic script assigning `globalThis.__wxAppBundle`. The data comes first,
 * then every module as a property of the `modules` object literal (so module code sees only globals,
 * never a variable of this file), wrapped on the line its first line sits on, so a module's line N
 * is line `lines[file] + N - 1` of logic.js; the source map says the same with columns.
 */
export function linkLogicBundle(input: LogicBundleInput): { code: string; map: string; lines: Record<string, number> } {
  const bundle = new Bundle({ separator: '' });
  const data = {
    v: 1,
    appId: input.appId,
    app: input.app,
    configs: input.configs,
    pages: input.pages,
    styleScopes: input.styleScopes,
    entry: { app: 'app.js' },
  };
  const header = `globalThis.__wxAppBundle=Object.assign(${JSON.stringify(data)},{\ntmpl:${input.tmplCode},\nmodules:{\n`;
  bundle.append(header);
  let line = 1 + countLines(header);
  const lines: Record<string, number> = {};
  for (const { file, source } of input.modules) {
    lines[file] = line;
    const content = new MagicString(source);
    content.prepend(`${JSON.stringify(file)}:function(${MODULE_PARAMS.join(',')}){`);
    content.append('\n},\n');
    bundle.addSource({ filename: file, content });
    line += countLines(source) + 2;
  }
  bundle.append(`},\nlines:${JSON.stringify(lines)}});\n//# sourceMappingURL=logic.js.map\n`);
  const map = bundle.generateMap({ file: 'logic.js', includeContent: true, hires: 'boundary' });
  return { code: bundle.toString(), map: map.toString(), lines };
}
