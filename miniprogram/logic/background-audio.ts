import { AudioSurface } from './audio-surface';
import type { AudioEvent, AudioPlayers } from './inner-audio-player';

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
export class BackgroundAudioManager extends AudioSurface {
  private meta = { title: '', epname: '', singer: '', coverImgUrl: '', webUrl: '' };
  private streaming = 'http';

  constructor(players: AudioPlayers, reportError: (error: unknown) => void) {
    super('BackgroundAudioManager', players, reportError);
    for (const [method, event] of MANAGER_EVENTS) Object.defineProperty(this, method, { value: (listener: unknown) => this.listeners.only(event, listener) });
    for (const method of ['onNext', 'onPrev']) {
      Object.defineProperty(this, method, {
        value: (listener: unknown) => {
          if (typeof listener !== 'function') throw new TypeError(`BackgroundAudioManager.${method}: listener must be a function`);
        },
      });
    }
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

  /** a new src plays at once, from startTime, with the metadata for the media session */
  protected override openSource(src: string): void {
    this.channel.send('src', { src, metadata: { ...this.meta } });
    if (src) this.channel.send('play');
  }
}

/** wx.getBackgroundAudioManager(): WeChat's "globally unique" manager, made on first use */
export function backgroundAudioManagerApi(players: AudioPlayers, reportError: (error: unknown) => void): () => BackgroundAudioManager {
  let manager: BackgroundAudioManager | undefined;
  return () => (manager ??= new BackgroundAudioManager(players, reportError));
}
