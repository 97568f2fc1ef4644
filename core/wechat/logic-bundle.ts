import { encode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import MagicString from 'magic-string';
import { columnTable } from './es-modules';

/**
 * The parameters of every ModuleFactory, in the contract's order (docs/wechat-format.md section 1). From
 * `window` on, the runtime passes nothing: WeChat's logic layer has no such globals, and the Worker's own
 * (self, fetch, postMessage...) must not be reachable by name from package code (the runtime also removes
 * them from the global object: miniprogram/logic/sealed-globals.ts).
 */
export const MODULE_PARAMS = [
  'require', 'module', 'exports', 'wx', 'App', 'Page', 'Component', 'Behavior', 'getApp',
  'getCurrentPages', 'requirePlugin', 'window', 'document', 'globalThis',
  'self', 'fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'postMessage', 'close', 'indexedDB', 'caches', 'Worker',
] as const;

export interface LogicBundleModule {
  file: string;
  /** the file as the developer wrote it (the source map's content) */
  source: string;
  /** the code that runs: `source`, or the CommonJS made from its import/export (same line count) */
  code: string;
  /** for transformed code: its decoded map back to `source`; identity when absent */
  mappings?: SourceMapMappings;
}

export interface LogicBundleInput {
  appId: string;
  app: Record<string, unknown>;
  configs: Record<string, Record<string, unknown>>;
  pages: string[];
  styleScopes: Record<string, string>;
  /** the JS expression TmplGroup#getTmplGenObjectGroups() returned */
  tmplCode: string;
  modules: LogicBundleModule[];
}

const countLines = (text: string) => text.split('\n').length - 1;

/** The map of a module that runs as written: every word boundary maps to itself. */
function identityMappings(module: LogicBundleModule): SourceMapMappings {
  return new MagicString(module.code).generateDecodedMap({ hires: 'boundary', source: module.file }).mappings as SourceMapMappings;
}

/**
 * Links `logic.js`: one classic script assigning `globalThis.__wxAppBundle`. The data comes first,
 * then every module as a property of the `modules` object literal (so module code sees only globals,
 * never a variable of this file). The wrapper's header has a line of its own, so a module's line N,
 * column C is line `lines[file] + N - 1`, column C of logic.js: an error on a module's first line does
 * not count the wrapper. A module made from import/export keeps its lines; `columns[file]` gives its
 * columns back (es-modules.ts columnTable), and the source map says the same for every module.
 */
export function linkLogicBundle(input: LogicBundleInput): { code: string; map: string; lines: Record<string, number> } {
  const data = {
    v: 1,
    appId: input.appId,
    app: input.app,
    configs: input.configs,
    pages: input.pages,
    styleScopes: input.styleScopes,
    entry: { app: 'app.js' },
  };
  return linkModuleScript(`globalThis.__wxAppBundle=Object.assign(${JSON.stringify(data)},{\ntmpl:${input.tmplCode},\n`, input.modules, 'logic.js');
}

/**
 * The module table shared by logic.js and the workers' bundle (core/wechat/worker-bundle.ts): `head` opens
 * `Object.assign(<data>,{` up to where `modules:` starts; every module follows as a ModuleFactory on lines of
 * its own, then the `lines` and `columns` tables and the source map's URL (`<file>.map`).
 */
export function linkModuleScript(head: string, modules: LogicBundleModule[], file: string): { code: string; map: string; lines: Record<string, number> } {
  const parts: string[] = [];
  const mappings: SourceMapMappings = [];
  /** appends text that maps to nothing */
  const plain = (text: string) => {
    parts.push(text);
    for (let i = 0; i < countLines(text); i++) mappings.push([]);
  };
  plain(`${head}modules:{\n`);
  const lines: Record<string, number> = {};
  const columns: Record<string, number[][]> = {};
  modules.forEach((module, index) => {
    plain(`${JSON.stringify(module.file)}:function(${MODULE_PARAMS.join(',')}){\n`);
    lines[module.file] = mappings.length + 1;
    const own = module.mappings ?? identityMappings(module);
    const moduleLines = countLines(module.code) + 1;
    for (let i = 0; i < moduleLines; i++) {
      mappings.push((own[i] ?? []).map((segment) => (segment.length >= 4 ? ([segment[0], index, segment[2], segment[3]] as [number, number, number, number]) : segment)));
    }
    if (module.mappings) columns[module.file] = columnTable(module.mappings);
    parts.push(`${module.code}\n`); // its lines, counted above, the last one ended here
    plain('},\n');
  });
  plain(`},\nlines:${JSON.stringify(lines)},\ncolumns:${JSON.stringify(columns)}});\n//# sourceMappingURL=${file}.map\n`);
  const map = {
    version: 3,
    file,
    sources: modules.map((m) => m.file),
    sourcesContent: modules.map((m) => m.source),
    names: [],
    mappings: encode(mappings),
  };
  return { code: parts.join(''), map: JSON.stringify(map), lines };
}
