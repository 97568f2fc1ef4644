import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { STARTING_BALANCE_FEN } from '../../core/platform';

/**
 * kill -9 at random instants and at injected points (after each kind of write of a payment, during
 * storage writes, after commits) and with the disk full, 20 times over one data folder. After every
 * kill a fresh process opens the folder and reports what the platform and its merchant see. Nothing the
 * app was told is saved may be missing, no order may be debited twice, the wallet must equal the sum of
 * the paid orders, and orderquery must agree with the wallet.
 */

type Line = [kind: string, ...rest: string[]];
interface Report {
  balance: number;
  history: Array<{ no: string; amount: number; kind: string }>;
  orders: Record<string, { state: string; fee: number }>;
  virtualOrders: Record<string, { state: string; fee: number }>;
  storage: Record<string, number>;
  outbox: string[];
  notified: string[];
}

let childScript = '';

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'superapp-crash-'));
  childScript = join(out, 'crash-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'support', 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: childScript,
    logLevel: 'silent',
  });
});

function runChild(dataDir: string, mode: 'work' | 'verify', env: Record<string, string> = {}, killAfterMs?: number) {
  return new Promise<{ lines: Line[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [childScript, dataDir, mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (stderr += c));
    // every work round ends in a kill -9: at the injected point, or here at a random instant
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const lines = out
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => (l.startsWith('STATE ') ? (['STATE', l.slice(6)] as Line) : (l.split(' ') as Line)));
      // a line cut off by the kill is not an acknowledgement
      if (!out.endsWith('\n') && lines.length) lines.pop();
      resolve({ lines, signal, code, stderr });
    });
  });
}

const INJECTED = [
  'doc platform:wallet', // inside a payment: the debit is written, the order not yet
  'doc platform:orders', // order created / reserved / paid
  'doc platform:outbox', // the merchant's notification queued with the payment
  'doc platform:virtualOrders',
  'doc platform:coins',
  'storage shopA', // a wx storage write
  'commit', // right after a commit, before the app hears of it
];

describe('crash soak: kill -9 restarts of a process paying and writing storage', () => {
  it('20 kills (injected points, random instants, disk full): 0 acknowledged writes lost, 0 double debits, wallet = paid orders', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'superapp-crash-data-'));
    const rng = mulberry32(20251202);
    const acked = { storage: new Map<string, number>(), paid: new Map<string, number>(), vpaid: new Map<string, number>() };
    const notified = new Set<string>();
    const figures = { kills: 0, injected: 0, injectedHit: 0, random: 0, diskFull: 0, diskFullFailures: 0, repaysRefused: 0, doubleDebits: 0, lost: 0 };
    let report: Report | undefined;

    for (let round = 0; round < 20; round++) {
      const env: Record<string, string> = {};
      let killAfterMs = 400 + Math.floor(rng() * 1200);
      if (round < 14) {
        env.CRASH_AT = `${INJECTED[round % INJECTED.length]}#${1 + Math.floor(rng() * 6)}`;
        killAfterMs = 5_000; // the injected point normally comes first
        figures.injected++;
      } else if (round < 17) {
        figures.random++;
      } else {
        env.FREEZE_AFTER = String(3 + Math.floor(rng() * 8));
        killAfterMs += 1500; // time to reach the freeze and run into the full disk
        figures.diskFull++;
      }
      const paidBefore = new Set(Object.entries(report?.orders ?? {}).filter(([, o]) => o.state === 'SUCCESS').map(([no]) => no));
      const work = await runChild(dataDir, 'work', env, killAfterMs);
      expect(work.signal, `round ${round}: ${work.stderr}`).toBe('SIGKILL');
      figures.kills++;

      for (const [kind, a, b, c, ...rest] of work.lines) {
        const message = [b, c, ...rest].join(' ');
        if (kind === 'ACK' && a === 'storage') acked.storage.set(b!, Number(c));
        else if (kind === 'ACK' && a === 'paid') acked.paid.set(b!, Number(c));
        else if (kind === 'ACK' && a === 'vpaid') acked.vpaid.set(b!, Number(c));
        else if (kind === 'NOTIFIED') notified.add(a!);
        else if (kind === 'CRASH') figures.injectedHit++;
        else if (kind === 'FAIL' && env.FREEZE_AFTER) {
          figures.diskFullFailures++;
          expect(message, `${kind} ${a}`).toMatch(/disk full: the shell could not save this, nothing was changed/);
        } else if (kind === 'REPAY' && paidBefore.has(a!)) {
          expect(message).toBe('requestPayment:fail order paid');
          figures.repaysRefused++;
        }
      }

      const verify = await runChild(dataDir, 'verify');
      expect(verify.code, verify.stderr).toBe(0);
      for (const [kind, a] of verify.lines) if (kind === 'NOTIFIED') notified.add(a!);
      report = JSON.parse(verify.lines.find(([k]) => k === 'STATE')![1]!) as Report;

      // 0 acknowledged writes lost
      for (const [key, length] of acked.storage) if (report.storage[key] !== length) figures.lost++;
      for (const no of acked.paid.keys()) if (report.orders[no]?.state !== 'SUCCESS') figures.lost++;
      for (const no of acked.vpaid.keys()) if (report.virtualOrders[no]?.state !== 'SUCCESS') figures.lost++;
      // 0 double debits
      const debited = report.history.map((h) => h.no);
      figures.doubleDebits = debited.length - new Set(debited).size;
      // the wallet is the sum of the paid orders, and what the merchant's orderquery says agrees with it
      const spent = report.history.reduce((n, h) => n + h.amount, 0);
      expect(report.balance, `round ${round}`).toBe(STARTING_BALANCE_FEN - spent);
      const paid = [...Object.entries(report.orders), ...Object.entries(report.virtualOrders)].filter(([, o]) => o.state === 'SUCCESS');
      expect(paid.map(([no]) => no).sort(), `round ${round}: orderquery vs wallet`).toEqual([...debited].sort());
      expect(paid.reduce((n, [, o]) => n + o.fee, 0)).toBe(spent);
      // every paid order's notification was delivered (from the outbox, after the restart if need be); no unpaid one was
      const paidPayments = Object.entries(report.orders).filter(([, o]) => o.state === 'SUCCESS').map(([no]) => no);
      expect(report.outbox).toEqual([]);
      expect(paidPayments.filter((no) => !notified.has(no))).toEqual([]);
      expect([...notified].filter((no) => report!.orders[no]?.state !== 'SUCCESS')).toEqual([]);
      expect(figures.lost, `round ${round}`).toBe(0);
      expect(figures.doubleDebits, `round ${round}`).toBe(0);
    }

    const paidCount = Object.values(report!.orders).filter((o) => o.state === 'SUCCESS').length;
    const vpaidCount = Object.values(report!.virtualOrders).filter((o) => o.state === 'SUCCESS').length;
    console.log(
      `crash soak: ${figures.kills} kill -9 restarts (${figures.injected} aimed at injected write points, ${figures.injectedHit} of them killed there, ${figures.random} at random instants, ` +
        `${figures.diskFull} with the disk full: ${figures.diskFullFailures} calls refused with "disk full"); ` +
        `acknowledged: ${acked.storage.size} storage writes, ${acked.paid.size} payments, ${acked.vpaid.size} virtual payments; ` +
        `lost: ${figures.lost}; double debits: ${figures.doubleDebits} (${figures.repaysRefused} re-payments of paid orders refused); ` +
        `wallet ${report!.balance} fen = ${STARTING_BALANCE_FEN} - ${paidCount} paid orders - ${vpaidCount} virtual orders; ` +
        `${notified.size} merchant notifications delivered`,
    );
    expect(figures.diskFullFailures).toBeGreaterThan(0);
    expect(figures.injectedHit).toBeGreaterThanOrEqual(10);
    expect(acked.paid.size + acked.storage.size + acked.vpaid.size).toBeGreaterThan(20);
  });
});

/** A small seeded PRNG, so a failing run can be repeated. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
