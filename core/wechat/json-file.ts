import { parseExpressionAt, type Expression, type Node } from 'acorn';
import type { z } from 'zod';
import { positionAt, type IssueList } from './compile-issues';

/**
 * Reads one JSON file of the package: syntax errors and every bad field reported with file:line:col.
 * JSON.parse decides what is valid; positions come from acorn, which reads the same text as a JS
 * expression (JSON is a subset) and keeps every node's location, so a zod issue's path maps back to
 * the place the author wrote it.
 */
export function readJsonFile<S extends z.ZodType>(file: string, text: string, schema: S, issues: IssueList): z.output<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const { line, col } = syntaxErrorPosition(text, (e as Error).message);
    issues.add(file, line, col, `invalid JSON: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const { line, col } = positionOfJsonPath(text, issue.path);
    issues.add(file, line, col, `${describePath(issue.path)}: ${issue.message}`);
  }
  return undefined;
}

/** Where the value at `path` (["tabBar", "list", 1]) is written in a JSON text; the nearest existing parent otherwise. */
export function positionOfJsonPath(text: string, path: ReadonlyArray<PropertyKey>): { line: number; col: number } {
  const tree = expressionTree(text);
  return tree ? positionAt(text, nodeAtPath(tree, path)?.start ?? 0) : { line: 1, col: 1 };
}

/** `tabBar.list[1].pagePath`, the way the author wrote the field. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('') || '(root)';
}

function expressionTree(text: string): Expression | undefined {
  try {
    // "(" keeps a leading "{" an object literal rather than a block
    return parseExpressionAt(`(${text})`, 0, { ecmaVersion: 'latest' });
  } catch {
    return undefined;
  }
}

/** Where JSON.parse stopped: acorn's position when it also fails, else V8's "at position N". */
function syntaxErrorPosition(text: string, message: string): { line: number; col: number } {
  try {
    parseExpressionAt(`(${text})`, 0, { ecmaVersion: 'latest' });
  } catch (e) {
    const pos = (e as { pos?: number }).pos;
    if (typeof pos === 'number') return positionAt(text, Math.max(0, pos - 1));
  }
  const at = /at position (\d+)/.exec(message);
  return at ? positionAt(text, Number(at[1])) : positionAt(text, text.length);
}

/** The node a zod path points at (the deepest one that exists), offsets shifted back for the "(". */
function nodeAtPath(root: Expression, path: ReadonlyArray<PropertyKey>): Node | undefined {
  let node: Node = root.type === 'ParenthesizedExpression' ? root.expression : root;
  for (const part of path) {
    let next: Node | undefined;
    if (node.type === 'ObjectExpression') {
      const prop = (node as unknown as { properties: Array<{ type: string; key: Node & { value?: unknown; name?: string }; value: Node }> }).properties.find(
        (p) => p.type === 'Property' && (p.key.value ?? p.key.name) === part,
      );
      next = prop?.value;
    } else if (node.type === 'ArrayExpression' && typeof part === 'number') {
      next = (node as unknown as { elements: Array<Node | null> }).elements[part] ?? undefined;
    }
    if (!next) break;
    node = next;
  }
  return { ...node, start: node.start - 1, end: node.end - 1 };
}
