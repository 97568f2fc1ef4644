/** A line of a compile error's snippet ("12 |   <view>" or "   |    ^"): shown as it is, so the caret stays under its column. */
const SNIPPET_LINE = /^\s*\d*\s\|( |$)/;

export function isSnippetLine(line: string): boolean {
  return SNIPPET_LINE.test(line);
}

/**
 * The catalog rejects a bad package with one message naming every bad manifest field, or, for a WeChat
 * project, every file:line:col problem with its snippet. The install panel shows each problem on its
 * own line so none is lost in a long sentence; snippet lines keep their indentation.
 */
export function errorLines(message: string): string[] {
  return message
    .split(/\r?\n/)
    .map((line) => (isSnippetLine(line) ? line.trimEnd() : line.trim()))
    .filter((line) => line.length > 0);
}
