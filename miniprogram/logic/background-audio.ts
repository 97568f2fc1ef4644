import { AudioListeners, clampedNumber, sixDecimals, type AudioChannel, type AudioEvent, type AudioPlayers } from './inner-audio-player';

/** the events BackgroundAudioManager has listeners for, by method name */
const MANAGER_EVENTS: ReadonlyArray<[string, AudioEvent]> = [
  ['onCanplay', 'canplay'],
  ['onWaiting', 'waiting'],
  ['onError', 'error'],
  ['onPlay', 'play'],
  ['onPause', 'pause'],
  ['onSeeking', 'seeking'],
  ['onSeeked', 'seeked'],
  ['onEnded', 'ended'],
  ['onStop', 'stop'],
  ['onTimeUpdate', 'timeupdate'],
];

/**
 * WeChat's BackgroundAudioManager (wx.getBackgroundAudioManager): the app's one music player, on the same
 * view-side audio element as InnerAudioContext; only the surface differs. Setting a new `src` starts playing
 * (from startTime), as WeChat documents. The metadata (title, singer, epname, coverImgUrl) goes to the
 * browser's media session, the desktop's counterpart of WeChat's native player panel. WeChat gives this
 * object no off* methods: a second onPlay(listener) replaces the first, so a page that registers again
 * each time it loads does not collect listeners. onNext/onPrev come from iOS's control centre buttons and
 * never fire on a desktop; their listeners are kept only.
 */
export class BackgroundAudioManager {
  private readonly channel: AudioChannel;
  private readonly listeners: AudioListeners;
  private source = '';
  private start = 0;
  private rate = 1;
  private meta = { title: '', epname: '', singer: '', coverImgUrl: '', webUrl: '' };
  private streaming = 'http';
  private referrer: 'origin' | 'no-referrer' = 'origin';

  constructor(players: AudioPlayers, reportError: (error: unknown) => void) {
    this.listeners = new AudioListeners('BackgroundAudioManager', reportError);
    this.channel = players.open((event, error) => this.listeners.emit(event, error ? () => ({ ...error }) : undefined));
    for (const [method, event] of MANAGER_EVENTS) Object.defineProperty(this, method, { value: (listener: unknown) => this.listeners.only(event, listener) });
    for (const method of ['onNext', 'onPrev']) {
      Object.defineProperty(this, method, {
        value: (listener: unknown) => {
          if (typeof listener !== 'function') throw new TypeError(`BackgroundAudioManager.${method}: listener must be a function`);
        },
      });
    }
  }

  get src(): string {
    return this.source;
  }

  /** a new src plays at once, from startTime */
  set src(value: unknown) {
    const next = value === undefined || value === null ? '' : String(value);
    if (next === this.source) return;
    this.source = next;
    this.channel.send('src', { src: next, metadata: { ...this.meta } });
    if (next) this.channel.send('play');
  }

  get startTime(): number {
    return this.start;
  }

  set startTime(value: unknown) {
    this.start = clampedNumber(value, 0, Number.MAX_SAFE_INTEGER, this.start);
    this.channel.send('set', { name: 'startTime', value: this.start });
  }

  get title(): string {
    return this.meta.title;
  }

  set title(value: unknown) {
    this.meta.title = String(value ?? '');
  }

  get epname(): string {
    return this.meta.epname;
  }

  set epname(value: unknown) {
    this.meta.epname = String(value ?? '');
  }

  get singer(): string {
    return this.meta.singer;
  }

  set singer(value: unknown) {
    this.meta.singer = String(value ?? '');
  }

  get coverImgUrl(): string {
    return this.meta.coverImgUrl;
  }

  set coverImgUrl(value: unknown) {
    this.meta.coverImgUrl = String(value ?? '');
  }

  /** for WeChat's share card; kept only */
  get webUrl(): string {
    return this.meta.webUrl;
  }

  set webUrl(value: unknown) {
    this.meta.webUrl = String(value ?? '');
  }

  /** 'http' (default) or 'hls'; the browser picks the way to play from the file itself, so it is kept only */
  get protocol(): string {
    return this.streaming;
  }

  set protocol(value: unknown) {
    this.streaming = String(value ?? 'http');
  }

  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(value: unknown) {
    this.rate = clampedNumber(value, 0.5, 2, this.rate);
    this.channel.send('set', { name: 'playbackRate', value: this.rate });
  }

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

  set currentTime(_value: unknown) {}

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

  pause(): void {
    this.channel.send('pause');
  }

  /** position in seconds */
  seek(position: unknown): void {
    const at = clampedNumber(position, 0, Number.MAX_SAFE_INTEGER, NaN);
    if (Number.isFinite(at)) this.channel.send('seek', { position: at });
  }

  stop(): void {
    this.channel.send('stop');
  }
}

/** wx.getBackgroundAudioManager(): WeChat's "globally unique" manager, made on first use */
export function backgroundAudioManagerApi(players: AudioPlayers, reportError: (error: unknown) => void): () => BackgroundAudioManager {
  let manager: BackgroundAudioManager | undefined;
  return () => (manager ??= new BackgroundAudioManager(players, reportError));
}
