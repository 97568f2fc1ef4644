import { AUDIO_EVENTS, AudioListeners, EVENT_METHOD, clampedNumber, sixDecimals, type AudioChannel, type AudioPlayers } from './inner-audio-player';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import { typeName } from '../../client/wx/type-name';

/**
 * WeChat's InnerAudioContext (wx.createInnerAudioContext): the writable properties are kept here and sent to
 * the view's audio element as they are set; the read-only ones (duration, currentTime, paused, buffered) are
 * what the view last reported, so they are current inside a listener. Defaults are WeChat's: startTime 0,
 * autoplay false, loop false, obeyMuteSwitch true, volume 1, playbackRate 1.
 */
export class InnerAudioContext {
  private readonly channel: AudioChannel;
  private readonly listeners: AudioListeners;
  private source = '';
  private start = 0;
  private auto = false;
  private looping = false;
  private obeyMute = true;
  private level = 1;
  private rate = 1;
  private referrer: 'origin' | 'no-referrer' = 'origin';

  constructor(players: AudioPlayers, reportError: (error: unknown) => void) {
    this.listeners = new AudioListeners('InnerAudioContext', reportError);
    this.channel = players.open((event, error) => this.listeners.emit(event, error ? () => ({ ...error }) : undefined));
    for (const event of AUDIO_EVENTS) {
      const name = EVENT_METHOD[event];
      Object.defineProperty(this, `on${name}`, { value: (listener: unknown) => this.listeners.on(event, listener) });
      Object.defineProperty(this, `off${name}`, { value: (listener?: unknown) => this.listeners.off(event, listener) });
    }
  }

  /** a package path (absolute, or relative to the current page), an https: or data: URL */
  get src(): string {
    return this.source;
  }

  set src(value: unknown) {
    const next = value === undefined || value === null ? '' : String(value);
    if (next === this.source) return;
    this.source = next;
    this.channel.send('src', { src: next });
  }

  /** where play() starts after a new src or stop(), in seconds */
  get startTime(): number {
    return this.start;
  }

  set startTime(value: unknown) {
    this.start = clampedNumber(value, 0, Number.MAX_SAFE_INTEGER, this.start);
    this.set('startTime', this.start);
  }

  get autoplay(): boolean {
    return this.auto;
  }

  set autoplay(value: unknown) {
    this.auto = Boolean(value);
    this.set('autoplay', this.auto);
  }

  get loop(): boolean {
    return this.looping;
  }

  set loop(value: unknown) {
    this.looping = Boolean(value);
    this.set('loop', this.looping);
  }

  /** kept for reading back only: WeChat ignores it since 2.3.0 (wx.setInnerAudioOption), and a desktop has no mute switch */
  get obeyMuteSwitch(): boolean {
    return this.obeyMute;
  }

  set obeyMuteSwitch(value: unknown) {
    this.obeyMute = Boolean(value);
  }

  /** 0 to 1 */
  get volume(): number {
    return this.level;
  }

  set volume(value: unknown) {
    this.level = clampedNumber(value, 0, 1, this.level);
    this.set('volume', this.level);
  }

  /** 0.5 to 2.0 (WeChat's range) */
  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(value: unknown) {
    this.rate = clampedNumber(value, 0.5, 2, this.rate);
    this.set('playbackRate', this.rate);
  }

  /** 'origin' or 'no-referrer'; WeChat's fixed servicewechat.com referrer has no desktop equivalent, so it is only kept */
  get referrerPolicy(): string {
    return this.referrer;
  }

  set referrerPolicy(value: unknown) {
    if (value === 'origin' || value === 'no-referrer') this.referrer = value;
  }

  get duration(): number {
    return this.channel.status.duration;
  }

  set duration(_value: unknown) {}

  get currentTime(): number {
    return sixDecimals(this.channel.status.currentTime);
  }

  /** writable since base library 2.26.2: the same as seek() */
  set currentTime(value: unknown) {
    this.seek(value);
  }

  get paused(): boolean {
    return this.channel.status.paused;
  }

  set paused(_value: unknown) {}

  get buffered(): number {
    return this.channel.status.buffered;
  }

  set buffered(_value: unknown) {}

  play(): void {
    this.channel.send('play');
  }

  /** playing again continues from here */
  pause(): void {
    this.channel.send('pause');
  }

  /** playing again starts from startTime; listeners hear onStop (not onPause) */
  stop(): void {
    this.channel.send('stop');
  }

  /** position in seconds */
  seek(position: unknown): void {
    const at = clampedNumber(position, 0, Number.MAX_SAFE_INTEGER, NaN);
    if (Number.isFinite(at)) this.channel.send('seek', { position: at });
  }

  /** stops the sound, frees the element, and forgets every listener; the object does nothing afterwards */
  destroy(): void {
    this.channel.destroy();
    this.listeners.clear();
  }

  private set(name: string, value: unknown): void {
    this.channel.send('set', { name, value });
  }
}

interface InnerAudioOptions {
  mixWithOther: boolean;
  obeyMuteSwitch: boolean;
  speakerOn: boolean;
}

/**
 * wx.setInnerAudioOption: the options are checked and kept (defaults true, WeChat's), and succeed. None
 * changes what a desktop does: there is no mute switch or earpiece, and the shell never stops other
 * applications' sound, which is what mixWithOther: true asks for anyway.
 */
export function registerInnerAudioOption(apis: RuntimeApis): void {
  const options: InnerAudioOptions = { mixWithOther: true, obeyMuteSwitch: true, speakerOn: true };
  apis.register('setInnerAudioOption', (params) => {
    for (const key of ['mixWithOther', 'obeyMuteSwitch', 'speakerOn'] as const) {
      const value = params[key];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') throw new RuntimeApiError(`parameter error: parameter.${key} should be Boolean instead of ${typeName(value)};`);
      options[key] = value;
    }
  });
}

/** wx.createInnerAudioContext(options?): `useWebAudioImplement` changes nothing here (the browser's own audio plays either way) */
export function createInnerAudioContextApi(players: AudioPlayers, reportError: (error: unknown) => void): (options?: unknown) => InnerAudioContext {
  return () => new InnerAudioContext(players, reportError);
}
