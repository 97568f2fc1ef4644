import type { AudioReport, AudioStatus, ToLogic } from '../protocol';
import { audioError } from './audio-errors';

export interface AudioCallDeps {
  post(message: ToLogic): void;
  resolveUrl(path: string): string;
}

/** the HTML media events a player reports, under WeChat's names (stop has no HTML event: the player sends it) */
const REPORTED: ReadonlyArray<[keyof HTMLMediaElementEventMap, string]> = [
  ['canplay', 'canplay'],
  ['pause', 'pause'],
  ['ended', 'ended'],
  ['timeupdate', 'timeupdate'],
  ['waiting', 'waiting'],
  ['seeking', 'seeking'],
  ['seeked', 'seeked'],
];

/** the end of the buffered range the playing position is in (WeChat: "buffered up to this point") */
function bufferedEnd(audio: HTMLAudioElement): number {
  const ranges = audio.buffered;
  for (let i = 0; i < ranges.length; i++) if (ranges.start(i) <= audio.currentTime && audio.currentTime <= ranges.end(i)) return ranges.end(i);
  return 0;
}

function statusOf(audio: HTMLAudioElement): AudioStatus {
  return {
    duration: Number.isFinite(audio.duration) ? audio.duration : 0,
    currentTime: audio.currentTime,
    paused: audio.paused,
    buffered: bufferedEnd(audio),
  };
}

/**
 * One player: an audio element of this page, never in the document (it has no UI), reporting what it does.
 * A new src and stop() make the next play() start at startTime. stop() is a pause plus a rewind that
 * reports only "stop", and a natural end reports only "ended" (HTML fires pause before ended; WeChat does not).
 */
class AudioPlayer {
  readonly audio = new Audio();
  private startTime = 0;
  private fromStart = true;
  /** HTML events our own stop() causes, not to be reported as the user's pause or seek */
  private readonly muted = new Set<string>();
  /** play() was called on a file not loaded yet: "play" is reported once it really plays (never, if it fails) */
  private playPending = false;

  constructor(
    private readonly id: number,
    private readonly deps: AudioCallDeps,
  ) {
    this.audio.preload = 'auto';
    for (const [html, event] of REPORTED) this.audio.addEventListener(html, () => this.onMediaEvent(event));
    this.audio.addEventListener('loadedmetadata', () => {
      // autoplay starts by itself: startTime has to be applied here rather than in play()
      if (this.audio.autoplay && this.fromStart) this.rewind();
    });
    this.audio.addEventListener('error', () => void this.failed());
    // WeChat's onPlay means sound: HTML's "play" fires as soon as play() is called, even on a missing file
    this.audio.addEventListener('play', () => {
      if (this.audio.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) this.onMediaEvent('play');
      else this.playPending = true;
    });
    this.audio.addEventListener('playing', () => {
      if (!this.playPending) return;
      this.playPending = false;
      this.onMediaEvent('play');
    });
  }

  src(src: string, metadata: unknown): void {
    this.fromStart = true;
    this.playPending = false;
    this.muted.clear();
    if (src) this.audio.src = this.deps.resolveUrl(src);
    else this.audio.removeAttribute('src');
    this.audio.load();
    if (metadata) showMetadata(metadata as Record<string, string>, this.deps.resolveUrl);
  }

  set(name: unknown, value: unknown): void {
    switch (name) {
      case 'startTime':
        this.startTime = Number(value) || 0;
        return;
      case 'autoplay':
        this.audio.autoplay = Boolean(value);
        return;
      case 'loop':
        this.audio.loop = Boolean(value);
        return;
      case 'volume':
        this.audio.volume = Number(value);
        return;
      case 'playbackRate':
        this.audio.playbackRate = Number(value);
        return;
    }
  }

  play(): void {
    if (!this.audio.getAttribute('src')) return;
    if (this.fromStart) this.rewind();
    this.audio.play().catch((e: unknown) => {
      // AbortError: a pause() or a new src came first, which is what the page asked for
      if (e instanceof DOMException && e.name === 'NotAllowedError') {
        this.report('error', { errCode: 10001, errMsg: `play refused by the browser: ${e.message}` });
      }
    });
  }

  pause(): void {
    this.audio.pause();
  }

  stop(): void {
    if (!this.audio.paused) this.muted.add('pause');
    if (this.audio.currentTime !== 0) {
      this.muted.add('seeking');
      this.muted.add('seeked');
    }
    this.audio.pause();
    if (this.audio.currentTime !== 0) this.audio.currentTime = 0;
    this.fromStart = true;
    this.report('stop');
  }

  seek(position: number): void {
    this.fromStart = false;
    this.muted.delete('seeking');
    this.muted.delete('seeked');
    this.audio.currentTime = position;
  }

  destroy(): void {
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
  }

  private rewind(): void {
    this.fromStart = false;
    if (this.startTime > 0) this.audio.currentTime = this.startTime;
  }

  private onMediaEvent(event: string): void {
    if (event === 'pause') this.playPending = false;
    if (this.muted.delete(event)) return;
    if (event === 'pause' && this.audio.ended) return;
    if (event === 'ended') this.fromStart = true;
    this.report(event);
  }

  private async failed(): Promise<void> {
    this.playPending = false;
    const error = this.audio.error;
    if (!error || !this.audio.getAttribute('src')) return;
    this.report('error', await audioError(error, this.audio.currentSrc || this.audio.src));
  }

  private report(event: string, error?: AudioReport['error']): void {
    this.deps.post({ t: 'audio', player: this.id, event, status: statusOf(this.audio), ...(error ? { error } : {}) });
  }
}

/** the background audio manager's metadata on the browser's media session (the desktop's "now playing" panel) */
function showMetadata(meta: Record<string, string>, resolveUrl: (path: string) => string): void {
  if (!('mediaSession' in navigator) || typeof MediaMetadata !== 'function') return;
  const cover = meta['coverImgUrl'];
  navigator.mediaSession.metadata = new MediaMetadata({
    title: meta['title'] ?? '',
    artist: meta['singer'] ?? '',
    album: meta['epname'] ?? '',
    artwork: cover ? [{ src: resolveUrl(cover) }] : [],
  });
}

/**
 * The `__audio` view call from the logic layer's InnerAudioContext / BackgroundAudioManager:
 * { player, action, ... }. Players are made on first use and dropped on destroy; answered ok whatever
 * happens, as WeChat's audio methods have no callbacks (what happens comes back as `t: 'audio'` reports).
 */
export function audioCalls(deps: AudioCallDeps) {
  const players = new Map<number, AudioPlayer>();
  const playerOf = (id: number) => {
    let player = players.get(id);
    if (!player) players.set(id, (player = new AudioPlayer(id, deps)));
    return player;
  };
  return {
    async __audio(params: Record<string, unknown>) {
      const id = Number(params['player']);
      const ok = { ok: true, result: { errMsg: '__audio:ok' } };
      if (params['action'] === 'destroy') {
        players.get(id)?.destroy();
        players.delete(id);
        return ok;
      }
      const player = playerOf(id);
      switch (params['action']) {
        case 'src':
          player.src(String(params['src'] ?? ''), params['metadata']);
          break;
        case 'set':
          player.set(params['name'], params['value']);
          break;
        case 'play':
          player.play();
          break;
        case 'pause':
          player.pause();
          break;
        case 'stop':
          player.stop();
          break;
        case 'seek':
          player.seek(Number(params['position']));
          break;
      }
      return ok;
    },
  };
}
