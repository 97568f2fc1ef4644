import type { AudioReport, AudioStatus } from '../protocol';
import type { ViewCalls } from './view-calls';

/** WeChat's audio events, as the view reports them (the onX/offX names without "on", lower case) */
export const AUDIO_EVENTS = ['canplay', 'play', 'pause', 'stop', 'ended', 'timeupdate', 'error', 'waiting', 'seeking', 'seeked'] as const;
export type AudioEvent = (typeof AUDIO_EVENTS)[number];

/** `onTimeUpdate` <-> 'timeupdate': WeChat's method suffix for each event */
export const EVENT_METHOD: Record<AudioEvent, string> = {
  canplay: 'Canplay',
  play: 'Play',
  pause: 'Pause',
  stop: 'Stop',
  ended: 'Ended',
  timeupdate: 'TimeUpdate',
  error: 'Error',
  waiting: 'Waiting',
  seeking: 'Seeking',
  seeked: 'Seeked',
};

const INITIAL: AudioStatus = { duration: 0, currentTime: 0, paused: true, buffered: 0 };

/** What a channel's owner hears from the view: the event, and the error object for 'error'. */
export type AudioSink = (event: AudioEvent, error?: { errCode: number; errMsg: string }) => void;

/**
 * One HTML audio element in the view, driven from the Worker (which has no Audio): every request is an
 * `__audio` view call naming the player, and the view's reports (`t: 'audio'`) keep `status` current before
 * the owner's listeners run. A destroyed channel sends nothing more and hears nothing more.
 */
export class AudioChannel {
  status: AudioStatus = { ...INITIAL };
  private destroyed = false;

  constructor(
    readonly id: number,
    private readonly players: AudioPlayers,
    private readonly sink: AudioSink,
  ) {}

  get alive(): boolean {
    return !this.destroyed;
  }

  send(action: string, params: Record<string, unknown> = {}): void {
    if (this.destroyed) return;
    this.players.request({ player: this.id, action, ...params });
  }

  /** a report from the view */
  hear(report: AudioReport): void {
    if (this.destroyed) return;
    this.status = { ...report.status };
    if ((AUDIO_EVENTS as readonly string[]).includes(report.event)) this.sink(report.event as AudioEvent, report.error);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.send('destroy');
    this.destroyed = true;
    this.status = { ...INITIAL };
    this.players.forget(this.id);
  }
}

/**
 * Every audio channel of the app, by id: routes the view's reports, and pauses them when the app is hidden.
 * WeChat pauses a mini program's audio when it goes to the background unless app.json's
 * `requiredBackgroundModes` lists "audio" (then it may keep playing); the shell does the same when the app's
 * window is hidden, and resumes nothing by itself on show (as WeChat: the page calls play() again).
 */
export class AudioPlayers {
  private nextId = 1;
  private readonly channels = new Map<number, AudioChannel>();

  constructor(
    private readonly views: Pick<ViewCalls, 'call'>,
    private readonly playsInBackground: boolean,
  ) {}

  open(sink: AudioSink): AudioChannel {
    const channel = new AudioChannel(this.nextId++, this, sink);
    this.channels.set(channel.id, channel);
    return channel;
  }

  request(params: Record<string, unknown>): void {
    void this.views.call('__audio', params);
  }

  forget(id: number): void {
    this.channels.delete(id);
  }

  receive(report: AudioReport): void {
    this.channels.get(report.player)?.hear(report);
  }

  appHidden(): void {
    if (this.playsInBackground) return;
    for (const channel of this.channels.values()) if (!channel.status.paused) channel.send('pause');
  }
}

/**
 * The onX/offX listeners of one audio object, per event. `off(listener)` removes that listener and
 * `off()` all of them (WeChat: "不传此参数则移除所有监听函数"); a listener that throws is reported without
 * stopping the others.
 */
export class AudioListeners {
  private readonly listeners = new Map<AudioEvent, Set<(res?: unknown) => void>>();

  constructor(
    private readonly owner: string,
    private readonly report: (error: unknown) => void,
  ) {}

  on(event: AudioEvent, listener: unknown): void {
    if (typeof listener !== 'function') throw new TypeError(`${this.owner}.on${EVENT_METHOD[event]}: listener must be a function`);
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (res?: unknown) => void);
  }

  /** replaces every listener of the event with this one (the background audio manager has no off*) */
  only(event: AudioEvent, listener: unknown): void {
    this.listeners.delete(event);
    this.on(event, listener);
  }

  off(event: AudioEvent, listener?: unknown): void {
    if (listener === undefined) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener as (res?: unknown) => void);
  }

  clear(): void {
    this.listeners.clear();
  }

  /** `res` is made per listener, so one listener cannot change what the next one gets */
  emit(event: AudioEvent, res?: () => unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        if (res) listener(res());
        else listener();
      } catch (e) {
        this.report(e);
      }
    }
  }
}

/** WeChat keeps currentTime to 6 decimals */
export const sixDecimals = (n: number): number => Math.round(n * 1e6) / 1e6;

/** a number property set from package code: NaN and non-numbers keep the old value, the range clamps */
export function clampedNumber(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
