/** Icons of the control bar (24x24 view box), drawn in the bar's text colour. */
const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  sound: 'M4 9v6h4l5 4V5L8 9zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z',
  muted: 'M4 9v6h4l5 4V5L8 9zm12 .4 1.4-1.4 2.1 2.1 2.1-2.1L23 9.4 20.9 11.5l2.1 2.1-1.4 1.4-2.1-2.1-2.1 2.1-1.4-1.4 2.1-2.1z',
  fullscreen: 'M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z',
  exitFullscreen: 'M8 5h2v5H5V8h3zm6 0h2v3h3v2h-5zM5 14h5v5H8v-3H5zm9 0h5v2h-3v3h-2z',
  danmu: 'M4 5h16v11H9l-4 3v-3H4zm3 4h10V8H7zm0 3h7v-1H7z',
};

type IconName = keyof typeof ICONS;

function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function button(className: string, label: string, name: IconName): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.append(icon(name));
  return b;
}

function setIcon(b: HTMLButtonElement, name: IconName, label: string): void {
  b.replaceChildren(icon(name));
  b.setAttribute('aria-label', label);
  b.title = label;
}

/** "mm:ss" (or "h:mm:ss") as video players show a position */
export function clock(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

export interface ControlActions {
  togglePlay(): void;
  toggleFullScreen(): void;
  toggleDanmu(): void;
  seek(seconds: number): void;
  /** the bar appeared or went away (WeChat's controlstoggle) */
  toggled(show: boolean): void;
}

/** the bar hides itself after this long without pointer or key input on the video, while it plays (WeChat does too) */
const HIDE_AFTER_MS = 3000;

/**
 * The player's own controls, drawn by the page as WeChat draws them (not the browser's): a bar with play/pause,
 * position, progress, duration, danmu, mute and full-screen buttons, and the play button in the middle. Every
 * part is a real button (or a range input for the progress) so Tab, Enter, Space and the arrow keys work and
 * focus is visible. Which parts show is set by the show-* attributes; `controls=false` hides the bar.
 */
export class VideoControls {
  readonly bar = document.createElement('div');
  readonly center: HTMLButtonElement;
  private readonly play = button('wx-video-play', 'Play', 'play');
  private readonly position = document.createElement('span');
  private readonly progress = document.createElement('input');
  private readonly total = document.createElement('span');
  private readonly danmu = button('wx-video-danmu-btn', 'Danmaku', 'danmu');
  private readonly mute = button('wx-video-mute', 'Mute', 'sound');
  private readonly full = button('wx-video-fullscreen', 'Full screen', 'fullscreen');
  private shown = true;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private dragging = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly video: HTMLVideoElement,
    private readonly actions: ControlActions,
  ) {
    this.bar.className = 'wx-video-bar';
    this.center = button('wx-video-center-play', 'Play', 'play');
    this.position.className = 'wx-video-time';
    this.total.className = 'wx-video-time';
    this.progress.type = 'range';
    this.progress.className = 'wx-video-progress';
    this.progress.min = '0';
    this.progress.max = '0';
    this.progress.step = 'any';
    this.progress.value = '0';
    this.progress.setAttribute('aria-label', 'Seek');
    this.danmu.hidden = true;
    this.mute.hidden = true;
    this.position.textContent = clock(0);
    this.total.textContent = clock(0);
    this.bar.append(this.play, this.position, this.progress, this.total, this.danmu, this.mute, this.full);

    this.play.addEventListener('click', () => actions.togglePlay());
    this.center.addEventListener('click', () => actions.togglePlay());
    this.full.addEventListener('click', () => actions.toggleFullScreen());
    this.danmu.addEventListener('click', () => actions.toggleDanmu());
    this.mute.addEventListener('click', () => {
      video.muted = !video.muted;
    });
    video.addEventListener('volumechange', () => setIcon(this.mute, video.muted ? 'muted' : 'sound', video.muted ? 'Unmute' : 'Mute'));
    this.progress.addEventListener('input', () => {
      this.dragging = true;
      this.position.textContent = clock(Number(this.progress.value));
    });
    this.progress.addEventListener('change', () => {
      this.dragging = false;
      actions.seek(Number(this.progress.value));
    });
    for (const type of ['pointermove', 'pointerdown', 'focusin', 'keydown'] as const) host.addEventListener(type, () => this.wake());
  }

  /** the bar's parts the show-* attributes switch */
  setPart(part: 'progress' | 'fullscreen' | 'play' | 'mute' | 'danmu', show: boolean | undefined): void {
    const el = { progress: this.progress, fullscreen: this.full, play: this.play, mute: this.mute, danmu: this.danmu }[part];
    // show-progress left unset: WeChat shows it only when the video is wider than 240px (components.css)
    if (part === 'progress') el.toggleAttribute('data-auto', show === undefined);
    el.hidden = show === false;
  }

  /** position and length as the bar shows them (`duration` may be the attribute's, not the file's) */
  time(current: number, duration: number): void {
    if (!this.dragging) {
      this.position.textContent = clock(current);
      this.progress.value = String(current);
    }
    this.progress.max = String(duration > 0 ? duration : 0);
    this.total.textContent = clock(duration);
  }

  playing(playing: boolean): void {
    setIcon(this.play, playing ? 'pause' : 'play', playing ? 'Pause' : 'Play');
    setIcon(this.center, playing ? 'pause' : 'play', playing ? 'Pause' : 'Play');
    if (playing) this.scheduleHide();
    else this.wake();
  }

  fullScreen(on: boolean): void {
    setIcon(this.full, on ? 'exitFullscreen' : 'fullscreen', on ? 'Exit full screen' : 'Full screen');
  }

  danmuOn(on: boolean): void {
    this.danmu.setAttribute('aria-pressed', String(on));
  }

  /** the pointer or focus is on the video: show the bar (and hide it again later while playing) */
  wake(): void {
    this.setShown(true);
    this.scheduleHide();
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    if (this.video.paused) return;
    this.hideTimer = setTimeout(() => {
      // a focused button or slider keeps the bar (keyboard use); a focused player alone does not
      if (!this.video.paused && !this.bar.matches(':focus-within')) this.setShown(false);
    }, HIDE_AFTER_MS);
  }

  private setShown(show: boolean): void {
    if (show === this.shown) return;
    this.shown = show;
    this.host.toggleAttribute('data-controls-hidden', !show);
    this.actions.toggled(show);
  }
}
