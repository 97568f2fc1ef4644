import { posix } from 'node:path';
import postcss, { CssSyntaxError, type AtRule, type Root } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import valueParser from 'postcss-value-parser';
import type { IssueList } from './compile-issues';

/** A stylesheet to compile and the scope its classes get (undefined: app.wxss, global). */
export interface StyleUnit {
  file: string;
  scope: string | undefined;
}

/** The view sets this on :root from the view's width (docs/wechat-format.md section 2). */
const RPX_VARIABLE = '--wx-rpx';
const PAGE_ELEMENT = 'wx-page';
/** The attribute the view writes on a component's host element, holding the component's scope. */
const HOST_ATTRIBUTE = 'wx-host';

/**
 * A WXML tag's element in the view's DOM (docs/wechat-format.md section 2): `page` is `wx-page`, a tag
 * without a hyphen `t` is `wx-t` (so `<button>` never becomes a real HTML button), a hyphenated custom
 * component keeps its name. Type selectors are rewritten the same way.
 */
function domTagSelector(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === 'page') return PAGE_ELEMENT;
  if (tag === '*' || lower.includes('-')) return tag;
  return `wx-${lower}`;
}

/** `12rpx` -> `calc(12 * var(--wx-rpx))`, everywhere in a declaration's value, functions included. */
export function rpxToCalc(value: string): string {
  if (!value.toLowerCase().includes('rpx')) return value;
  const parsed = valueParser(value);
  parsed.walk((node) => {
    if (node.type !== 'word') return;
    const unit = valueParser.unit(node.value);
    if (unit && unit.unit.toLowerCase() === 'rpx') {
      (node as { value: string }).value = `calc(${unit.number} * var(${RPX_VARIABLE}))`;
    }
  });
  return parsed.toString();
}

/** Rewrites one selector list: scoped classes, `page`, `:host`. */
function rewriteSelector(selector: string, scope: string | undefined): string {
  return selectorParser((selectors) => {
    selectors.walk((node) => {
      if (node.type === 'class' && scope) node.value = `${scope}--${node.value}`;
      else if (node.type === 'tag') node.value = domTagSelector(node.value);
      else if (node.type === 'pseudo' && node.value.toLowerCase() === ':host') {
        const host = selectorParser.attribute({ attribute: HOST_ATTRIBUTE, operator: '=', value: `"${scope ?? ''}"`, quoteMark: '"', raws: {} });
        // `:host(.x)`: the host carrying .x; the inner selector was rewritten by the walk already
        const inner = node.nodes[0];
        node.replaceWith(host, ...(inner ? inner.nodes.map((n) => n.clone()) : []));
      }
    });
  }).processSync(selector);
}

function importTarget(atRule: AtRule): string | undefined {
  const first = valueParser(atRule.params).nodes.find((n) => n.type !== 'space');
  if (!first) return undefined;
  if (first.type === 'string') return first.value;
  if (first.type === 'function' && first.value.toLowerCase() === 'url') {
    const arg = first.nodes[0];
    return arg && (arg.type === 'string' || arg.type === 'word') ? arg.value : undefined;
  }
  return undefined;
}

function resolveImport(from: string, target: string): string | undefined {
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target);
  const normal = posix.normalize(joined);
  if (normal.startsWith('../') || normal === '..') return undefined;
  return /\.wxss$/i.test(normal) ? normal : `${normal}.wxss`;
}

/** Parses and rewrites one file, its @imports inlined with the importer's scope; undefined when it cannot be read. */
function compileFile(file: string, scope: string | undefined, sources: ReadonlyMap<string, string>, issues: IssueList, stack: string[]): Root | undefined {
  const text = sources.get(file) ?? '';
  let root: Root;
  try {
    root = postcss.parse(text, { from: file });
  } catch (e) {
    if (e instanceof CssSyntaxError) {
      issues.add(file, e.line ?? 1, e.column ?? 1, `CSS syntax error: ${e.reason}`);
      return undefined;
    }
    throw e;
  }
  root.walkRules((rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return;
    try {
      rule.selector = rewriteSelector(rule.selector, scope);
    } catch (e) {
      issues.add(file, rule.source?.start?.line ?? 1, rule.source?.start?.column ?? 1, `bad selector "${rule.selector}": ${(e as Error).message}`);
    }
  });
  root.walkDecls((decl) => {
    decl.value = rpxToCalc(decl.value);
  });
  root.walkAtRules('import', (atRule) => {
    const line = atRule.source?.start?.line ?? 1;
    const col = atRule.source?.start?.column ?? 1;
    const target = importTarget(atRule);
    const resolved = target === undefined ? undefined : resolveImport(file, target);
    if (target === undefined) {
      issues.add(file, line, col, `@import needs a file name, e.g. @import "common.wxss";`);
    } else if (!resolved) {
      issues.add(file, line, col, `@import "${target}" leaves the package`);
    } else if (!sources.has(resolved)) {
      issues.add(file, line, col, `missing import target: ${resolved} is not in the package`);
    } else if (stack.includes(resolved)) {
      issues.add(file, line, col, `@import "${target}" imports itself (${[...stack, resolved].join(' -> ')})`);
    } else {
      const imported = compileFile(resolved, scope, sources, issues, [...stack, resolved]);
      if (imported) {
        atRule.replaceWith(imported.nodes.map((n) => n.clone()));
        return;
      }
    }
    atRule.remove();
  });
  return root;
}

/**
 * All WXSS of the package as one stylesheet: app.wxss first and global, then every page and component
 * with its classes prefixed by its scope (docs/wechat-format.md section 2). Every syntax error and bad
 * @import is an issue with its position.
 */
export function compileStyles(units: readonly StyleUnit[], sources: ReadonlyMap<string, string>, issues: IssueList): string {
  const out: string[] = [];
  for (const unit of units) {
    if (!sources.has(unit.file)) continue;
    const root = compileFile(unit.file, unit.scope, sources, issues, [unit.file]);
    if (root) out.push(`/* ${unit.file} */\n${root.toString().trim()}\n`);
  }
  return out.join('\n');
}
