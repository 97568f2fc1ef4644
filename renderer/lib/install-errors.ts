/**
 * The catalog rejects a bad package with one message naming every bad manifest field.
 * The install panel shows each problem on its own line so none is lost in a long sentence.
 */
export function errorLines(message: string): string[] {
  return message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
