import { parse, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { IssueList } from './compile-issues';
import { resolveRequire } from './require-resolve';

/**
 * How a module is parsed: as the body of the ModuleFactory function it is wrapped in (so a top-level
 * `return` is fine), as a classic script (WeChat's logic layer has no ES module loader).
 */
const PARSE_OPTIONS = { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true } as const;

/** acorn's message without its own "(line:col)" suffix, which the issue line already carries. */
function reason(message: string): string {
  return message.replace(/\s*\(\d+:\d+\)$/, '');
}

/**
 * Parses every .js and .wxs file of the package; a syntax error is an issue at its position. Returns
 * the syntax trees of the .js modules, which the require check and the capability scan read.
 */
export function parseModules(sources: ReadonlyMap<string, string>, issues: IssueList): Map<string, Program> {
  const trees = new Map<string, Program>();
  for (const [file, text] of sources) {
    if (!file.endsWith('.js') && !file.endsWith('.wxs')) continue;
    try {
      const tree = parse(text, PARSE_OPTIONS);
      if (file.endsWith('.js')) trees.set(file, tree);
    } catch (e) {
      const loc = (e as { loc?: { line: number; column: number } }).loc;
      issues.add(file, loc?.line ?? 1, (loc?.column ?? 0) + 1, `JS syntax error: ${reason((e as Error).message)}`);
    }
  }
  return trees;
}

/** The string a `require(...)` names, when it is a literal the compiler can check. */
function literalArgument(node: { arguments: Array<{ type: string; value?: unknown; quasis?: Array<{ value: { cooked?: string | null } }>; expressions?: unknown[] }> }): string | undefined {
  const arg = node.arguments[0];
  if (!arg) return undefined;
  if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value;
  if (arg.type === 'TemplateLiteral' && arg.expressions?.length === 0) return arg.quasis?.[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * Every `require("<literal>")` must name a module of the package: one that leaves it, or names
 * nothing, is an issue (the runtime would throw `module "<path>" is not defined` anyway, later).
 * Requires built at run time are left to the runtime's resolver, which applies the same rules.
 */
export function checkRequires(trees: ReadonlyMap<string, Program>, sources: ReadonlyMap<string, string>, issues: IssueList): void {
  const exists = (path: string) => sources.has(path);
  for (const [file, tree] of trees) {
    simple(tree, {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
        const request = literalArgument(node as never);
        if (request === undefined) return;
        const result = resolveRequire(file, request, exists);
        if (result.ok) return;
        const at = node.loc?.start ?? { line: 1, column: 0 };
        issues.add(
          file,
          at.line,
          at.column + 1,
          result.reason === 'outside' ? `require("${request}") leaves the package` : `module "${request}" is not defined (no such file in the package)`,
        );
      },
    });
  }
}
