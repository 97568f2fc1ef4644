import { AudioListeners, clampedNumber, sixDecimals, type AudioChannel, type AudioPlayers } from './inner-audio-player';

/**
 * What InnerAudioContext and BackgroundAudioManager share: one view-side audio element (inner-audio-player.ts),
 * `src`, `startTime`, `playbackRate` (0.5 to 2.0, WeChat's range) and `referrerPolicy` kept here and sent to the
 * element as they are set; the read-only `duration`, `currentTime`, `paused`, `buffered` are what the view last
 * reported, so they are current inside a listener; play / pause / stop / seek. The two differ in what a new src
 * does (`openSource`), whether `currentTime` may be set (`setCurrentTime`), and their extra properties.
 */
export abstract class AudioSurface {
  protected readonly channel: AudioChannel;
  protected readonly listeners: AudioListeners;
  private source = '';
  private start = 0;
  private rate = 1;
  private referrer: 'origin' | 'no-referrer' = 'origin';

  constructor(kind: string, players: AudioPlayers, reportError: (error: unknown) => void) {
    this.listeners = new AudioListeners(kind, reportError);
    this.channel = players.open((event, error) => this.listeners.emit(event, error ? () => ({ ...error }) : undefined));
  }

  /** a package path (absolute, or relative to the current page), an https: or data: URL */
  get src(): string {
    return this.source;
  }

  set src(value: unknown) {
    const next = value === undefined || value === null ? '' : String(value);
    if (next === this.source) return;
    this.source = next;
    this.openSource(next);
  }

  /** where play() starts after a new src or stop(), in seconds */
  get startTime(): number {
    return this.start;
  }

  set startTime(value: unknown) {
    this.start = clampedNumber(value, 0, Number.MAX_SAFE_INTEGER, this.start);
    this.send('startTime', this.start);
  }

  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(value: unknown) {
    this.rate = clampedNumber(value, 0.5, 2, this.rate);
    this.send('playbackRate', this.rate);
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

  set currentTime(value: unknown) {
    this.setCurrentTime(value);
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

  /** the element plays `src` from now on */
  protected openSource(src: string): void {
    this.channel.send('src', { src });
  }

  /** a write to the read-only-looking currentTime: ignored unless the surface documents it */
  protected setCurrentTime(_value: unknown): void {}

  protected send(name: string, value: unknown): void {
    this.channel.send('set', { name, value });
  }
}
