/**
 * Turns a position in the compiled logic.js into the package's own file:line:col, with the bundle's table
 * of the line where each module's line 1 sits (each module starts on a line of its own, so a plain module's
 * columns are its own) and, for a module made from import/export, its column table: per line, triples
 * [generated column, source line, source column] where the shift changes (docs/wechat-format.md section 1).
 */
/**
 * A stack frame's position in the app's bundle (`script`: logic.js or workers.js), as the source of a RegExp with
 * the line and column captured. The view asks for logic.js with its build named (`?b=<build>`, APP_BUILD_PARAM), so
 * the frames carry that query.
 */
export function bundleFrameSource(script: string): string {
  return `/__wx/app/${script.replace(/\./g, '\\.')}(?:\\?[^\\s:)]*)?:(\\d+):(\\d+)`;
}

export class ErrorLocator {
  private readonly starts: Array<[number, string]>;

  /** the bundle's URL path and line:col in a stack frame */
  private readonly framePattern: RegExp;

  constructor(
    lines: Record<string, number> | undefined,
    private readonly columns: Record<string, number[][]> = {},
    /** the bundle the stacks run in: the logic layer's, or the workers' (workers.js, the same layout) */
    script = 'logic.js',
  ) {
    this.framePattern = new RegExp(bundleFrameSource(script), 'g');
    this.starts = Object.entries(lines ?? {})
      .map(([file, line]) => [line, file] as [number, string])
      .sort((a, b) => a[0] - b[0]);
  }

  /** the first frame of `stack` inside the app's bundle (logic.js or workers.js), as "file:line:col" */
  locate(stack: string | undefined): string | undefined {
    if (!stack || this.starts.length === 0) return undefined;
    for (const match of stack.matchAll(this.framePattern)) {
      const line = Number(match[1]);
      const col = Number(match[2]);
      let found: [number, string] | undefined;
      for (const entry of this.starts) {
        if (entry[0] > line) break;
        found = entry;
      }
      if (!found) continue;
      const [srcLine, srcCol] = this.original(found[1], line - found[0], col - 1);
      return `${found[1]}:${srcLine + 1}:${srcCol + 1}`;
    }
    return undefined;
  }

  /** 0-based line and column in the module's own text of 0-based (line, col) in the code that ran */
  private original(file: string, line: number, col: number): [number, number] {
    const table = this.columns[file]?.[line];
    if (!table || table.length < 3) return [line, col];
    let at = 0;
    for (let i = 0; i + 2 < table.length && table[i]! <= col; i += 3) at = i;
    const [genCol, srcLine, srcCol] = [table[at]!, table[at + 1]!, table[at + 2]!];
    // before the first mapped column (the interop helpers the transform puts on line 1): the line's start
    return col < genCol ? [srcLine, 0] : [srcLine, srcCol + (col - genCol)];
  }
}
