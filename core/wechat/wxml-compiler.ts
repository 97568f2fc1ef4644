import { posix } from 'node:path';
import { TmplGroup } from 'glass-easel-template-compiler';
import { positionAt, type IssueList } from './compile-issues';
import { WXS_RUNTIME_SCRIPT } from './wxs-runtime';

/** One item of what TmplGroup#addTmpl returns (the compiler's TemplateParseError, 0-based positions). */
interface TemplateDiagnostic {
  isError: boolean;
  level: string;
  message: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** The compiler's message, naming the tag when it is about one ("missing end tag" -> "... for <text>"). */
function describe(d: TemplateDiagnostic, source: string): string {
  if (d.message !== 'missing end tag' || d.startLine !== d.endLine) return d.message;
  const name = source.split('\n')[d.startLine]?.slice(d.startColumn, d.endColumn);
  return name && /^[\w:-]+$/.test(name) ? `missing end tag for <${name}>` : d.message;
}

const withoutExt = (file: string) => file.replace(/\.[^./]+$/, '');

/**
 * Where a dependency is named in a template: the first `src="..."` whose value resolves to it. The
 * compiler reports dependencies without positions; this only locates an attribute it already parsed.
 */
function srcPosition(tmplPath: string, source: string, target: string): { line: number; col: number } {
  for (const match of source.matchAll(/\bsrc\s*=\s*(["'])(.*?)\1/g)) {
    const value = match[2] ?? '';
    const resolved = posix.normalize(value.startsWith('/') ? value.slice(1) : posix.join(posix.dirname(tmplPath), value));
    if (withoutExt(resolved) === target) return positionAt(source, match.index + match[0].indexOf(value));
  }
  return { line: 1, col: 1 };
}

/**
 * Compiles every .wxml and .wxs of the package into one group: the JS expression whose value is
 * `TmplGroup#getTmplGenObjectGroups()`, keyed by path without extension (docs/wechat-format.md).
 * Every diagnostic the compiler returns is an error here, warnings included: an unclosed tag is only a
 * warning to glass-easel but renders something the developer did not write. Imports, includes and
 * `<wxs src>` must name files of the package.
 */
export function compileTemplates(sources: ReadonlyMap<string, string>, issues: IssueList): string {
  const group = new TmplGroup();
  try {
    group.setExtraRuntimeScript(WXS_RUNTIME_SCRIPT);
    const templates = [...sources.keys()].filter((f) => f.endsWith('.wxml')).sort();
    const scripts = [...sources.keys()].filter((f) => f.endsWith('.wxs')).sort();
    for (const file of scripts) group.addScript(withoutExt(file), sources.get(file) ?? '');
    for (const file of templates) {
      const source = sources.get(file) ?? '';
      const diagnostics = group.addTmpl(withoutExt(file), source) as TemplateDiagnostic[];
      for (const d of diagnostics) issues.add(file, d.startLine + 1, d.startColumn + 1, describe(d, source));
    }
    const templatePaths = new Set(templates.map(withoutExt));
    const scriptPaths = new Set(scripts.map(withoutExt));
    for (const file of templates) {
      const path = withoutExt(file);
      const source = sources.get(file) ?? '';
      for (const dep of group.getDirectDependencies(path) as string[]) {
        if (templatePaths.has(dep)) continue;
        const { line, col } = srcPosition(path, source, dep);
        issues.add(file, line, col, `missing import target: ${dep}.wxml is not in the package`);
      }
      for (const dep of group.getScriptDependencies(path) as string[]) {
        if (scriptPaths.has(dep)) continue;
        const { line, col } = srcPosition(path, source, dep);
        issues.add(file, line, col, `missing wxs module: ${dep}.wxs is not in the package`);
      }
    }
    return group.getTmplGenObjectGroups();
  } finally {
    group.free();
  }
}
