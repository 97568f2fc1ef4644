import { AudioSurface } from './audio-surface';
import { AUDIO_EVENTS, EVENT_METHOD, clampedNumber, type AudioPlayers } from './inner-audio-player';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import { typeName } from '../../client/wx/type-name';

/**
 * WeChat's InnerAudioContext (wx.createInnerAudioContext): the writable properties are kept here and sent to
 * the view's audio element as they are set; the read-only ones (duration, currentTime, paused, buffered) are
 * what the view last reported, so they are current inside a listener. Defaults are WeChat's: startTime 0,
 * autoplay false, loop false, obeyMuteSwitch true, volume 1, playbackRate 1.
 */
export class InnerAudioContext extends AudioSurface {
  private auto = false;
  private looping = false;
  private obeyMute = true;
  private level = 1;

  constructor(players: AudioPlayers, reportError: (error: unknown) => void) {
    super('InnerAudioContext', players, reportError);
    for (const event of AUDIO_EVENTS) {
      const name = EVENT_METHOD[event];
      Object.defineProperty(this, `on${name}`, { value: (listener: unknown) => this.listeners.on(event, listener) });
      Object.defineProperty(this, `off${name}`, { value: (listener?: unknown) => this.listeners.off(event, listener) });
    }
  }

  get autoplay(): boolean {
    return this.auto;
  }

  set autoplay(value: unknown) {
    this.auto = Boolean(value);
    this.send('autoplay', this.auto);
  }

  get loop(): boolean {
    return this.looping;
  }

  set loop(value: unknown) {
    this.looping = Boolean(value);
    this.send('loop', this.looping);
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
    this.send('volume', this.level);
  }

  /** stops the sound, frees the element, and forgets every listener; the object does nothing afterwards */
  destroy(): void {
    this.channel.destroy();
    this.listeners.clear();
  }

  /** writable since base library 2.26.2: the same as seek() */
  protected override setCurrentTime(value: unknown): void {
    this.seek(value);
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
