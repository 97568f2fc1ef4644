import { clipText, DEVTOOLS_LIMITS } from '../../core/contracts/devtools-limits';
import type { DevPage, DevReport } from '../../core/contracts/devtools';
import { utf8ByteLength } from '../../core/contracts/storage-quota';
import type { ToView } from '../protocol';
import { bundleFrameSource, type ErrorLocator } from './error-location';
import type { SetDataCall } from './set-data-tap';

/** a frame in the app's logic.js, and the same with its origin and parentheses (what is replaced) */
const LOGIC_FRAME = new RegExp(bundleFrameSource('logic.js'));
const LOGIC_FRAME_WITH_ORIGIN = new RegExp(`\\(?[^\\s(]*${bundleFrameSource('logic.js')}\\)?`);

const L = DEVTOOLS_LIMITS;

/**
 * The logic layer's half of the inspector: turns what happened (an exception, a rejection, a new page stack,
 * a setData and its commit) into DevReports cut to the schema's limits, and posts them to the view, which
 * sends them on to the host. Stacks are rewritten to the package's own file:line:col.
 */
export class DevReporter {
  constructor(
    private readonly post: (message: ToView) => void,
    private readonly locator: ErrorLocator,
  ) {}

  /** `located`: the package's file:line:col when the caller knows it already (an exception of a worker thread) */
  problem(kind: 'exception' | 'rejection', reason: unknown, route: string | undefined, located?: string): void {
    const error = reason instanceof Error ? reason : undefined;
    const message = error ? `${error.name}: ${error.message}` : describe(reason);
    const stack = error?.stack;
    const where = located ?? this.locator.locate(stack);
    this.send({
      kind,
      at: Date.now(),
      message: clipText(message, L.message),
      ...(where ? { where: clipText(where, L.where) } : {}),
      ...(stack ? { stack: clipText(this.packageStack(stack), L.stack) } : {}),
      ...(route ? { route: clipText(route, L.route) } : {}),
    });
  }

  pageStack(pages: ReadonlyArray<{ route: string; query: Record<string, string> }>): void {
    this.send({ kind: 'pageStack', at: Date.now(), pages: pages.slice(-32).map(toDevPage) });
  }

  /** a setData the view has now drawn: `committedAt` is performance.now() when it said so */
  setData(call: SetDataCall, committedAt: number, targetKind: 'page' | 'component'): void {
    let json: string | undefined;
    try {
      json = JSON.stringify(call.data);
    } catch {
      json = undefined; // a cycle or a BigInt: the size is unknown
    }
    const keys = call.data && typeof call.data === 'object' ? Object.keys(call.data) : [];
    this.send({
      kind: 'setData',
      at: Date.now(),
      target: clipText(call.is, L.route),
      targetKind,
      keys: keys.slice(0, L.keys).map((k) => clipText(k, L.key)),
      keyCount: keys.length,
      bytes: json === undefined ? -1 : utf8ByteLength(json),
      ms: Math.max(0, committedAt - call.startedAt),
      preview: json === undefined ? '(not JSON)' : clipText(json, L.preview),
    });
  }

  /** every frame inside the app's logic.js as the package's file:line:col; other frames as they are */
  packageStack(stack: string): string {
    return stack
      .split('\n')
      .map((line) => {
        const where = LOGIC_FRAME.test(line) ? this.locator.locate(line) : undefined;
        return where ? line.replace(LOGIC_FRAME_WITH_ORIGIN, `(${where})`) : line;
      })
      .join('\n');
  }

  private send(report: DevReport): void {
    this.post({ t: 'devtools', report });
  }
}

function toDevPage(page: { route: string; query: Record<string, string> }): DevPage {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(page.query).slice(0, L.queryEntries)) query[clipText(key, L.key)] = clipText(String(value), L.queryValue);
  return { route: clipText(page.route, L.route), query };
}

/** a rejection reason that is not an Error: its JSON, or its string form */
function describe(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  try {
    const json = JSON.stringify(reason);
    if (json !== undefined) return json;
  } catch {
    // fall through
  }
  return String(reason);
}
