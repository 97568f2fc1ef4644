import { describe, expect, it } from 'vitest';
import { ShellCallError } from '../../../renderer/lib/errors';
import { backoffDelay, createWsTransport, type SocketHandlers } from '../../../renderer/transport/ws-transport';

/** A scripted socket and a manual clock: every step of the connection is driven by the test. */
function harness() {
  const sockets: { handlers: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const warnings: string[] = [];
  const transport = createWsTransport({
    url: 'ws://127.0.0.1/ws/shell?token=t',
    openSocket(_url, handlers) {
      const socket = { handlers, sent: [] as string[], closed: false };
      sockets.push(socket);
      return { send: (d) => socket.sent.push(d), close: () => (socket.closed = true) };
    },
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
    random: () => 0.5,
    warn: (m) => warnings.push(m),
  });
  const last = () => sockets[sockets.length - 1]!;
  const reply = (message: unknown) => last().handlers.message(JSON.stringify(message));
  return { transport, sockets, timers, warnings, last, reply };
}

describe('ws transport', () => {
  it('queues calls until the socket opens, then sends them as wire requests', async () => {
    const t = harness();
    const answer = t.transport.call('listApps', {});
    expect(t.last().sent).toEqual([]);
    t.last().handlers.open();
    expect(t.last().sent.map((s) => JSON.parse(s))).toEqual([{ kind: 'call', id: 1, command: 'listApps', input: {} }]);
    t.reply({ kind: 'result', id: 1, ok: true, output: [] });
    await expect(answer).resolves.toEqual([]);
  });

  it('rejects with the host message and hint', async () => {
    const t = harness();
    t.last().handlers.open();
    const answer = t.transport.call('install', { source: 'x' });
    t.reply({ kind: 'result', id: 1, ok: false, error: { message: 'manifest.json: version must be semver', hint: 'Fix it' } });
    await expect(answer).rejects.toMatchObject({ name: 'ShellCallError', message: 'manifest.json: version must be semver', hint: 'Fix it' });
  });

  it('ignores malformed and unknown messages without breaking later answers', async () => {
    const t = harness();
    t.last().handlers.open();
    const answer = t.transport.call('listRunning', {});
    t.last().handlers.message('not json');
    t.reply({ kind: 'result', id: 'one', ok: true, output: [] });
    t.reply({ kind: 'event', event: { type: 'noSuchEvent' } });
    t.reply({ kind: 'result', id: 99, ok: true, output: [] });
    t.reply({ kind: 'result', id: 1, ok: true, output: ['fine'] });
    await expect(answer).resolves.toEqual(['fine']);
    expect(t.warnings).toHaveLength(3);
  });

  it('delivers parsed events to every listener, even when one throws', () => {
    const t = harness();
    t.last().handlers.open();
    const seen: unknown[] = [];
    t.transport.onEvent(() => {
      throw new Error('listener bug');
    });
    t.transport.onEvent((e) => seen.push(e));
    t.reply({ kind: 'event', event: { type: 'walletChanged' } });
    expect(seen).toEqual([{ type: 'walletChanged' }]);
  });

  it('fails in-flight calls on disconnect instead of replaying them, then reconnects with backoff', async () => {
    const t = harness();
    const states: string[] = [];
    t.transport.onConnection((s) => states.push(s));
    t.last().handlers.open();
    const inFlight = t.transport.call('answerSheet', { sheetId: 's', answer: { confirmed: true } });
    t.last().handlers.close();
    await expect(inFlight).rejects.toBeInstanceOf(ShellCallError);
    await expect(inFlight).rejects.toThrow('Lost the connection to the shell host before it answered "answerSheet".');
    expect(states).toEqual(['open', 'reconnecting']);
    expect(t.timers.map((x) => x.ms)).toEqual([250]);

    // asked while down: waits for the new socket; nothing is sent twice
    const later = t.transport.call('listApps', {});
    t.timers[0]!.run();
    expect(t.sockets).toHaveLength(2);
    t.last().handlers.close();
    expect(t.timers.map((x) => x.ms)).toEqual([250, 500]);
    t.timers[1]!.run();
    t.last().handlers.open();
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    expect(t.sockets[0]!.sent).toHaveLength(1);
    expect(t.last().sent.map((s) => JSON.parse(s).command)).toEqual(['listApps']);
    t.reply({ kind: 'result', id: 2, ok: true, output: [] });
    await expect(later).resolves.toEqual([]);
  });

  it('stops for good on close and fails what is waiting', async () => {
    const t = harness();
    const queued = t.transport.call('listApps', {});
    t.transport.close();
    await expect(queued).rejects.toThrow('The shell connection is closed.');
    await expect(t.transport.call('listApps', {})).rejects.toThrow('The shell connection is closed.');
    expect(t.transport.state).toBe('closed');
    expect(t.timers).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles from 250 ms up to 5 s with ±20 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 0.5))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(backoffDelay(0, () => 0)).toBe(200);
    expect(backoffDelay(10, () => 1)).toBe(6000);
  });
});
