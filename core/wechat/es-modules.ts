import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import type { Program } from 'acorn';
import { transform } from 'sucrase';

/** A module written with `import`/`export`, as the logic layer runs it: CommonJS, and how to map it back. */
export interface CommonJsFromEsm {
  /** the CommonJS code (`require`, `exports`), with the same line count as the source */
  code: string;
  /** the decoded source map of `code` back to the module's own text (source index 0) */
  mappings: SourceMapMappings;
}

/** Whether a module parsed as an ES module uses import/export at all (else it is a script that failed to parse). */
export function usesModuleSyntax(tree: Program): boolean {
  return tree.body.some((node) => node.type === 'ImportDeclaration' || node.type.startsWith('Export'));
}

/**
 * Turns ES-module syntax into the CommonJS the logic layer's `require` loads, as WeChat DevTools'
 * "ES6 to ES5" compile does: `import x from './a'` reads `require('./a')` with Babel's default interop
 * (a CommonJS module's `module.exports` is its default), `export` writes `exports` with `__esModule` set,
 * so CommonJS code can `require()` an ES module and read `.default` and the named exports. The output is
 * strict, as ES modules are. Sucrase keeps every line where it was; its map gives the columns.
 */
export function esModuleToCommonJs(file: string, source: string): CommonJsFromEsm {
  const result = transform(source, { transforms: ['imports'], filePath: file, sourceMapOptions: { compiledFilename: file } });
  return { code: result.code, mappings: result.sourceMap ? decode(result.sourceMap.mappings) : [] };
}

/**
 * The column table the logic layer's error locator reads for one transformed module: per generated line,
 * flat triples [generated column, source line, source column] (0-based) where the shift between the
 * transformed and the original text changes. Between two entries, columns move together.
 */
export function columnTable(mappings: SourceMapMappings): number[][] {
  return mappings.map((line) => {
    const out: number[] = [];
    let lastLine = -1;
    let lastShift = Number.NaN;
    for (const segment of line) {
      if (segment.length < 4) continue;
      const [genCol, , srcLine, srcCol] = segment as [number, number, number, number];
      if (srcLine === lastLine && srcCol - genCol === lastShift) continue;
      out.push(genCol, srcLine, srcCol);
      lastLine = srcLine;
      lastShift = srcCol - genCol;
    }
    return out;
  });
}
