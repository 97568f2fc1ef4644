/**
 * A mini program page's side of the bridge, as a separate process (`node bench/support/bridge-driver.ts`,
 * run with Node's type stripping): it opens real bridge sockets with the tokens the host issued and sends
 * load at the host, so the host's event loop and memory carry only the host's own work. It reads one JSON
 * plan from stdin, prints "ready" when a flood is running, stops a flood on "stop", and prints one JSON
 * report as its last line. Loopback only; every loop and wait is bounded.
 *
 * Only erasable TypeScript here (Node runs it without a build), and no imports from the project.
 */
import { lookup as dnsLookup } from 'node:dns';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';

export interface ViewTicket {
  appId: string;
  viewId: number;
  token: string;
  /** ws://<app>.localhost:PORT/ws/bridge */
  wsUrl: string;
  /** the app's origin, which the host requires */
  origin: string;
}

export type DriverPlan =
  | { kind: 'fuzz'; view: ViewTicket; messages: number; seed: number }
  | { kind: 'big'; view: ViewTicket; calls: number; bytes: number }
  | { kind: 'fanout'; views: ViewTicket[]; callsPerView: number }
  | { kind: 'sequential'; view: ViewTicket; calls: number; api: string; params: Record<string, unknown> }
  | { kind: 'flood'; view: ViewTicket; inFlight: number; maxCalls: number; api: string; params: Record<string, unknown> };

export interface DriverReport {
  sent: number;
  answered: number;
  ok: number;
  /** calls whose answer named another app than the one whose socket sent them */
  misattributed: number;
  /** per-call round trips in ms (sequential plans) */
  latencies: number[];
  /** errMsgs seen, with how often (at most 20 distinct) */
  errors: Record<string, number>;
  closedEarly: string | null;
  ms: number;
}

const DEADLINE_MS = 200_000;
/** the `api` of a sequential plan that measures raw echo frames */
export const ECHO = '(echo)';

/** *.localhost resolves to loopback here, as it does in Chromium, so the real host names can be used. */
const loopbackLookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options?.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as typeof dnsLookup;

function connect(view: ViewTicket): Promise<WebSocket> {
  const url = `${view.wsUrl}?view=${view.viewId}&token=${encodeURIComponent(view.token)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin: view.origin, lookup: loopbackLookup, maxPayload: 64 * 1024 * 1024 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Small deterministic PRNG (mulberry32), so a fuzz run can be repeated from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One malformed (or nearly valid) message; every kind gets an answer from the host. */
function fuzzMessage(next: () => number, i: number): string | Buffer {
  const pick = Math.floor(next() * 12);
  const junk = () => next().toString(36).slice(2);
  switch (pick) {
    case 0:
      return `{"v":1,"id":${i},"api":`; // cut short
    case 1:
      return junk();
    case 2:
      return JSON.stringify([1, 2, { v: 1 }]);
    case 3:
      return JSON.stringify({ v: 2, id: i, api: 'login', params: {} });
    case 4:
      return JSON.stringify({ v: 1, id: -i - 1, api: 'getStorage', params: {} });
    case 5:
      return JSON.stringify({ v: 1, id: i, api: 'x'.repeat(200), params: {} });
    case 6:
      return JSON.stringify({ v: 1, id: i, api: 'noSuchApi', params: { a: junk() } });
    case 7:
      return JSON.stringify({ v: 1, id: i, api: 'setStorage', params: { key: 42, data: null } });
    case 8:
      return `${'['.repeat(2_000)}${']'.repeat(2_000)}`;
    case 9:
      return JSON.stringify({ v: 1, id: i, api: 'getStorage', params: 'not an object' });
    case 10:
      return Buffer.from([0xde, 0xad, 0xbe, 0xef]);
    default:
      return JSON.stringify({ v: 1, id: `${junk()}${i}`, api: 'invokeNativePlugin', params: { api_name: 'notDeclared', data: { deep: [[[[junk()]]]] } } });
  }
}

function emptyReport(): DriverReport {
  return { sent: 0, answered: 0, ok: 0, misattributed: 0, latencies: [], errors: {}, closedEarly: null, ms: 0 };
}

function note(report: DriverReport, errMsg: string): void {
  const key = errMsg.length > 120 ? `${errMsg.slice(0, 120)}…` : errMsg;
  if (key in report.errors || Object.keys(report.errors).length < 20) report.errors[key] = (report.errors[key] ?? 0) + 1;
}

/** Reads every answer on a socket into the report; `onAnswer` sees each parsed one. */
function listen(ws: WebSocket, view: ViewTicket, report: DriverReport, onAnswer?: (m: { id?: unknown; ok?: boolean }) => void): void {
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id?: unknown; ok?: boolean; event?: unknown; errMsg?: string; result?: { appId?: unknown; appInfo?: { appId?: unknown } } };
    if (m.event !== undefined) return; // app events (appShow on attach) are not answers
    report.answered++;
    if (m.ok) {
      report.ok++;
      const named = m.result?.appInfo?.appId ?? m.result?.appId;
      if (named !== undefined && named !== view.appId) report.misattributed++;
    } else if (m.errMsg) note(report, m.errMsg);
    onAnswer?.(m);
  });
  ws.on('close', (code, reason) => {
    report.closedEarly ??= `${code} ${String(reason)}`;
  });
}

/** Sends while the socket's own buffer is small: as fast as the host lets TCP carry it. */
async function sendPaced(ws: WebSocket, frame: string | Buffer, limit = 8 * 1024 * 1024, binary = typeof frame !== 'string'): Promise<void> {
  while (ws.bufferedAmount > limit && ws.readyState === ws.OPEN) await new Promise((r) => setTimeout(r, 1));
  if (ws.readyState === ws.OPEN) ws.send(frame, { binary });
}

async function until(check: () => boolean, deadline: number): Promise<void> {
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

async function run(plan: DriverPlan, stop: Promise<void>, ready: () => void): Promise<DriverReport> {
  const report = emptyReport();
  const started = Date.now();
  const deadline = started + DEADLINE_MS;
  switch (plan.kind) {
    case 'fuzz': {
      const ws = await connect(plan.view);
      listen(ws, plan.view, report);
      const next = random(plan.seed);
      for (let i = 0; i < plan.messages && ws.readyState === ws.OPEN; i++) {
        await sendPaced(ws, fuzzMessage(next, i), 1024 * 1024);
        report.sent++;
      }
      await until(() => report.answered >= report.sent || ws.readyState !== ws.OPEN, deadline);
      ws.close();
      break;
    }
    case 'big': {
      const ws = await connect(plan.view);
      listen(ws, plan.view, report);
      // the attack of issue 11: a plain page calling wx.getSystemInfo with a ~1 MB param, as fast as it can
      // (the big part is encoded once; each frame is only copied together, so the page side stays cheap)
      const filler = Buffer.from(`"${'m'.repeat(plan.bytes)}"}}`);
      for (let i = 0; i < plan.calls && ws.readyState === ws.OPEN; i++) {
        const frame = Buffer.concat([Buffer.from(`{"v":1,"id":${i + 1},"api":"getSystemInfo","params":{"filler":`), filler]);
        await sendPaced(ws, frame, 8 * 1024 * 1024, false);
        report.sent++;
      }
      await until(() => report.answered >= report.sent || ws.readyState !== ws.OPEN, deadline);
      ws.close();
      break;
    }
    case 'fanout': {
      const sockets = await Promise.all(plan.views.map((view) => connect(view)));
      sockets.forEach((ws, n) => listen(ws, plan.views[n]!, report));
      for (let i = 0; i < plan.callsPerView; i++) {
        sockets.forEach((ws) => ws.send(JSON.stringify({ v: 1, id: i + 1, api: 'invokeNativePlugin', params: { api_name: 'echo', data: { i } } })));
        report.sent += sockets.length;
      }
      await until(() => report.answered >= report.sent, deadline);
      for (const ws of sockets) ws.close();
      break;
    }
    case 'sequential': {
      const ws = await connect(plan.view);
      let waiter: (() => void) | undefined;
      listen(ws, plan.view, report, () => waiter?.());
      // api "(echo)" sends the host's raw echo frame instead of a call: the same socket without dispatch
      const frames = Array.from({ length: plan.calls }, (_, i) =>
        JSON.stringify(plan.api === ECHO ? { v: 1, echo: { seq: i + 1, payload: null } } : { v: 1, id: i + 1, api: plan.api, params: plan.params }),
      );
      for (let i = 0; i < plan.calls && ws.readyState === ws.OPEN && Date.now() < deadline; i++) {
        const answered = new Promise<void>((r) => (waiter = r));
        const t0 = performance.now();
        ws.send(frames[i]!);
        report.sent++;
        await answered;
        report.latencies.push(performance.now() - t0);
      }
      ws.close();
      break;
    }
    case 'flood': {
      const ws = await connect(plan.view);
      let stopped = false;
      void stop.then(() => (stopped = true));
      const frame = (id: number) => JSON.stringify({ v: 1, id, api: plan.api, params: plan.params });
      listen(ws, plan.view, report, () => {
        // keep `inFlight` calls outstanding until told to stop
        if (!stopped && report.sent < plan.maxCalls && ws.readyState === ws.OPEN) ws.send(frame(++report.sent));
      });
      for (let i = 0; i < plan.inFlight; i++) ws.send(frame(++report.sent));
      ready();
      await Promise.race([stop, until(() => report.sent >= plan.maxCalls, deadline)]);
      stopped = true;
      await until(() => report.answered >= report.sent, deadline);
      ws.close();
      break;
    }
  }
  report.ms = Date.now() - started;
  return report;
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  let resolveStop: () => void = () => undefined;
  const stop = new Promise<void>((r) => (resolveStop = r));
  let plan: DriverPlan | undefined;
  const planRead = new Promise<DriverPlan>((resolve) => {
    lines.on('line', (line) => {
      if (!plan) {
        plan = JSON.parse(line) as DriverPlan;
        resolve(plan);
      } else if (line.trim() === 'stop') resolveStop();
    });
  });
  lines.on('close', () => resolveStop());
  const report = await run(await planRead, stop, () => process.stdout.write('ready\n'));
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

// Only as the script: the host side imports this file's types and constants.
if (process.argv[1]?.endsWith('bridge-driver.ts')) void main();
