import { parse, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { SourceMapMappings } from '@jridgewell/sourcemap-codec';
import type { IssueList } from './compile-issues';
import { esModuleToCommonJs, usesModuleSyntax } from './es-modules';
import { resolveRequire } from './require-resolve';

/**
 * How a module is parsed: as the body of the ModuleFactory function it is wrapped in (so a top-level
 * `return` is fine), as a classic script (WeChat's logic layer has no ES module loader).
 */
const PARSE_OPTIONS = { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true } as const;
/** A module with import/export, as DevTools' "ES6 to ES5" reads it before turning it into CommonJS. */
const MODULE_PARSE_OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, locations: true } as const;

/** A .js module of the package as the logic layer runs it. */
export interface JsModule {
  /** the code that runs: the file itself, or the CommonJS made from its import/export */
  code: string;
  /** the syntax tree of `code` (a script) */
  tree: Program;
  /** set when the file used import/export: its own module tree and the map from `code` back to it */
  esm?: { tree: Program; mappings: SourceMapMappings };
}

/** acorn's message without its own "(line:col)" suffix, which the issue line already carries. */
function reason(message: string): string {
  return message.replace(/\s*\(\d+:\d+\)$/, '');
}

function addSyntaxError(file: string, e: unknown, issues: IssueList): void {
  const loc = (e as { loc?: { line: number; column: number } }).loc;
  issues.add(file, loc?.line ?? 1, (loc?.column ?? 0) + 1, `JS syntax error: ${reason((e as Error).message)}`);
}

/** A .js file that is not a script but a valid ES module with import/export, or undefined. */
function parseEsModule(text: string): Program | undefined {
  try {
    const tree = parse(text, MODULE_PARSE_OPTIONS);
    return usesModuleSyntax(tree) ? tree : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses every .js and .wxs file of the package; a syntax error is an issue at its position. A .js file
 * with import/export (not valid as a script, valid as a module) is turned into CommonJS. Returns the
 * .js modules, whose trees the require check and the capability scan read.
 */
export function parseModules(sources: ReadonlyMap<string, string>, issues: IssueList): Map<string, JsModule> {
  const modules = new Map<string, JsModule>();
  for (const [file, text] of sources) {
    if (!file.endsWith('.js') && !file.endsWith('.wxs')) continue;
    try {
      const tree = parse(text, PARSE_OPTIONS);
      if (file.endsWith('.js')) modules.set(file, { code: text, tree });
    } catch (e) {
      const esmTree = file.endsWith('.js') ? parseEsModule(text) : undefined;
      if (!esmTree) {
        addSyntaxError(file, e, issues);
        continue;
      }
      const { code, mappings } = esModuleToCommonJs(file, text);
      try {
        modules.set(file, { code, tree: parse(code, PARSE_OPTIONS), esm: { tree: esmTree, mappings } });
      } catch (inner) {
        // the transform is not expected to produce a script acorn refuses; say so at the module's first line
        issues.add(file, 1, 1, `JS module could not be turned into CommonJS: ${reason((inner as Error).message)}`);
      }
    }
  }
  return modules;
}

/** The script trees of the modules (the code that runs), for the scans that read code. */
export function treesOf(modules: ReadonlyMap<string, JsModule>): Map<string, Program> {
  return new Map([...modules].map(([file, module]) => [file, module.tree]));
}

/** The string a `require(...)` names, when it is a literal the compiler can check. */
function literalArgument(node: { arguments: Array<{ type: string; value?: unknown; quasis?: Array<{ value: { cooked?: string | null } }>; expressions?: unknown[] }> }): string | undefined {
  const arg = node.arguments[0];
  if (!arg) return undefined;
  if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value;
  if (arg.type === 'TemplateLiteral' && arg.expressions?.length === 0) return arg.quasis?.[0]?.value.cooked ?? undefined;
  return undefined;
}

type Located = { loc?: { start: { line: number; column: number } } | null };

/**
 * Every `require("<literal>")`, and every `import`/`export ... from "<path>"` of an ES module, must name
 * a module of the package: one that leaves it, or names nothing, is an issue (the runtime would throw
 * `module "<path>" is not defined` anyway, later). Requires built at run time are left to the runtime's
 * resolver, which applies the same rules. An ES module is checked in its own text, at its own positions.
 * With `within`, a module found outside that folder is an issue too (the workers' code reaches only its own).
 */
export function checkRequires(modules: ReadonlyMap<string, JsModule>, sources: ReadonlyMap<string, string>, issues: IssueList, within?: { folder: string; name: string }): void {
  const exists = (path: string) => sources.has(path);
  for (const [file, module] of modules) {
    const check = (keyword: 'require' | 'import', request: string, node: Located) => {
      const result = resolveRequire(file, request, exists);
      const at = node.loc?.start ?? { line: 1, column: 0 };
      // worker code (app.json "workers") may only reach the files of its own folder
      if (result.ok && within && !result.path.startsWith(`${within.folder}/`)) {
        issues.add(file, at.line, at.column + 1, `${keyword} "${request}" leaves ${within.name} "${within.folder}"`);
        return;
      }
      if (result.ok) return;
      const leaves = keyword === 'require' ? `require("${request}") leaves the package` : `import "${request}" leaves the package`;
      issues.add(file, at.line, at.column + 1, result.reason === 'outside' ? leaves : `module "${request}" is not defined (no such file in the package)`);
    };
    const fromSource = (node: { source?: { value?: unknown } | null } & Located) => {
      if (typeof node.source?.value === 'string') check('import', node.source.value, node);
    };
    simple(module.esm?.tree ?? module.tree, {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
        const request = literalArgument(node as never);
        if (request !== undefined) check('require', request, node);
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check('import', node.source.value, node);
      },
    });
  }
}
