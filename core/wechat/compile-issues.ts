import { ShellCommandError } from '../contracts/services';

/** One problem in a package file, positioned the way a compiler prints it (1-based line and column). */
export interface CompileIssue {
  /** path inside the mini program root, e.g. "pages/index/index.wxml" */
  file: string;
  line: number;
  col: number;
  message: string;
}

/** `file:line:col: message`, the line every editor and terminal knows how to jump to. */
export function issueHeadline(issue: CompileIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message}`;
}

/**
 * The headline, then the offending source line and a caret under the column, so the developer sees
 * the spot without opening the file. The gutter keeps the caret aligned under its character.
 */
export function formatIssue(issue: CompileIssue, source: string | undefined): string {
  const headline = issueHeadline(issue);
  const text = source?.split(/\r?\n/)[issue.line - 1];
  if (text === undefined) return headline;
  const gutter = String(issue.line);
  const shown = text.replace(/\t/g, ' ');
  const caretAt = Math.max(0, Math.min(issue.col - 1, shown.length));
  return [headline, `${gutter} | ${shown}`, `${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`].join('\n');
}

/** 1-based line and column of a 0-based character offset. */
export function positionAt(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Collects every problem of a compile, so the developer fixes them in one round instead of one per try. */
export class IssueList {
  readonly issues: CompileIssue[] = [];
  add(file: string, line: number, col: number, message: string): void {
    this.issues.push({ file, line, col, message });
  }
  get empty(): boolean {
    return this.issues.length === 0;
  }
}

/**
 * A package that does not compile: one message listing every problem with its snippet. It is a
 * ShellCommandError so the install panel and the dev host show it as it is.
 */
export class WechatCompileError extends ShellCommandError {
  readonly issues: CompileIssue[];
  constructor(issues: CompileIssue[], sources: (file: string) => string | undefined) {
    const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      `The mini program does not compile (${count}):\n` + sorted.map((i) => formatIssue(i, sources(i.file))).join('\n'),
      'Fix these places in the package and try again; nothing was installed or replaced.',
    );
    this.name = 'WechatCompileError';
    this.issues = sorted;
  }
}
