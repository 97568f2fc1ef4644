/**
 * Turns a position in the compiled logic.js into the package's own file:line:col, with the bundle's table
 * of the line where each module's line 1 sits (modules are wrapped without adding lines).
 */
export class ErrorLocator {
  private readonly starts: Array<[number, string]>;

  constructor(lines: Record<string, number> | undefined) {
    this.starts = Object.entries(lines ?? {})
      .map(([file, line]) => [line, file] as [number, string])
      .sort((a, b) => a[0] - b[0]);
  }

  /** the first frame of `stack` inside the app's logic.js, as "file:line:col" */
  locate(stack: string | undefined): string | undefined {
    if (!stack || this.starts.length === 0) return undefined;
    for (const match of stack.matchAll(/\/__wx\/app\/logic\.js:(\d+):(\d+)/g)) {
      const line = Number(match[1]);
      const col = Number(match[2]);
      let found: [number, string] | undefined;
      for (const entry of this.starts) {
        if (entry[0] > line) break;
        found = entry;
      }
      if (found) return `${found[1]}:${line - found[0] + 1}:${col}`;
    }
    return undefined;
  }
}
