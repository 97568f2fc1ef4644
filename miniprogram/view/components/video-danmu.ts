import { numberAttr, stringAttr } from './attr-values';

/** One danmaku comment as WeChat's danmu-list and VideoContext.sendDanmu give it: text, colour, and (list) time in s. */
export interface Danmu {
  text: string;
  color: string;
  time: number;
}

/** how long a comment takes to cross the video, and how many lines they use before reusing the first */
const FLIGHT_MS = 5000;
const LINES = 4;
const DEFAULT_COLOR = '#ffffff';

function danmuOf(value: unknown, fallbackTime = 0): Danmu | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const item = value as Record<string, unknown>;
  const text = stringAttr(item['text']);
  if (text === '') return undefined;
  return { text, color: stringAttr(item['color'], DEFAULT_COLOR) || DEFAULT_COLOR, time: numberAttr(item['time'], fallbackTime) };
}

/**
 * The danmaku overlay of <video>: comments of `danmu-list` fly across the picture (right to left) when playback
 * passes their `time`; VideoContext.sendDanmu adds one now. Hidden, nothing is drawn (enable-danmu / the danmu
 * button). The flights pause with the video.
 */
export class DanmuLayer {
  readonly element = document.createElement('div');
  private list: Danmu[] = [];
  /** the playback time of the last tick: comments whose time falls after it and up to now are due */
  private last = -1;
  private line = 0;
  private paused = true;
  private visible = false;

  constructor() {
    this.element.className = 'wx-video-danmu';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.hidden = true;
  }

  setList(value: unknown): void {
    const items = Array.isArray(value) ? value.map((v) => danmuOf(v)).filter((d): d is Danmu => d !== undefined) : [];
    this.list = items.sort((a, b) => a.time - b.time);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.element.hidden = !visible;
    if (!visible) this.element.replaceChildren();
  }

  get shown(): boolean {
    return this.visible;
  }

  /** playback reached `now` (s): draws the list's comments that became due; a jump back (seek, loop) re-arms them */
  tick(now: number): void {
    if (now < this.last) this.last = now - 0.001;
    if (this.visible) for (const d of this.list) if (d.time > this.last && d.time <= now) this.fly(d);
    this.last = now;
  }

  /** VideoContext.sendDanmu: shown now, whatever the time */
  send(value: unknown): void {
    const d = danmuOf(value);
    if (d && this.visible) this.fly(d);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    for (const span of this.element.children) for (const a of span.getAnimations()) if (paused) a.pause();
    else a.play();
  }

  private fly(d: Danmu): void {
    const span = document.createElement('span');
    span.className = 'wx-video-danmu-item';
    span.textContent = d.text;
    span.style.color = d.color;
    span.style.top = `${(this.line++ % LINES) * 1.5}em`;
    this.element.append(span);
    const distance = this.element.clientWidth + span.offsetWidth;
    const flight = span.animate([{ transform: 'translateX(0)' }, { transform: `translateX(${-distance}px)` }], { duration: FLIGHT_MS, easing: 'linear', fill: 'forwards' });
    flight.onfinish = () => span.remove();
    if (this.paused) flight.pause();
  }
}
