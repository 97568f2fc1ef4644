import * as glassEasel from 'glass-easel';
import type { RecordedElement } from './composed-backend';
import type { ViewCalls } from './view-calls';

export interface VideoContextDeps {
  views: Pick<ViewCalls, 'call'>;
  /** sends the render operations queued so far, so the view has drawn the node before a call names it */
  flush(): void;
  /** the page showing now (the owner of a context created without a component) */
  page(): glassEasel.GeneralComponent | undefined;
}

/** the glass-easel component behind a page or component instance (`this`) the adapter gives package code */
function componentOf(instance: unknown): glassEasel.GeneralComponent | undefined {
  const inner = instance && typeof instance === 'object' ? (instance as { _$?: unknown })._$ : undefined;
  return inner instanceof glassEasel.Component ? (inner as glassEasel.GeneralComponent) : undefined;
}

/**
 * WeChat's VideoContext: bound by id to a <video> in the page, or in the component passed to
 * wx.createVideoContext. The <video> is looked up at each call, so a context made before the node is drawn
 * (or one whose node was re-created by wx:if) works once it is there. Each method is a `__video` view call
 * to the node; like WeChat's, they take no callbacks, and a call whose <video> is not there does nothing.
 */
export class VideoContext {
  private owner: glassEasel.GeneralComponent | undefined;

  constructor(
    private readonly id: string,
    component: unknown,
    private readonly deps: VideoContextDeps,
  ) {
    this.owner = componentOf(component) ?? deps.page();
  }

  play(): void {
    this.send('play');
  }

  pause(): void {
    this.send('pause');
  }

  stop(): void {
    this.send('stop');
  }

  /** position in seconds */
  seek(position: unknown): void {
    this.send('seek', { position: Number(position) });
  }

  /** WeChat's rates are 0.5, 0.8, 1.0, 1.25, 1.5 and 2.0; the browser plays any positive rate */
  playbackRate(rate: unknown): void {
    this.send('playbackRate', { rate: Number(rate) });
  }

  /** `direction`: 0 (upright), 90 or -90 (sideways); fullscreenchange reports it as vertical / horizontal */
  requestFullScreen(options?: unknown): void {
    const direction = options && typeof options === 'object' ? (options as { direction?: unknown }).direction : undefined;
    this.send('requestFullScreen', typeof direction === 'number' ? { direction } : {});
  }

  exitFullScreen(): void {
    this.send('exitFullScreen');
  }

  sendDanmu(data: unknown): void {
    const d = data && typeof data === 'object' ? (data as { text?: unknown; color?: unknown }) : {};
    this.send('sendDanmu', { danmu: { text: d.text === undefined ? '' : String(d.text), ...(d.color !== undefined ? { color: String(d.color) } : {}) } });
  }

  /** the iOS status bar in full screen: a desktop window has none */
  showStatusBar(): void {}

  hideStatusBar(): void {}

  /** the backend id of the <video id> in the owner's tree, or undefined */
  private node(): number | undefined {
    this.owner ??= this.deps.page();
    const found = this.owner?.getShadowRoot()?.getElementById(this.id);
    if (!(found instanceof glassEasel.NativeNode) || found.is !== 'video') return undefined;
    return (found.getBackendElement() as RecordedElement | null)?.id;
  }

  private send(method: string, args: Record<string, unknown> = {}): void {
    const node = this.node();
    if (node === undefined) {
      console.warn(`VideoContext.${method}: there is no <video id="${this.id}"> in this ${this.owner && this.owner !== this.deps.page() ? 'component' : 'page'}`);
      return;
    }
    this.deps.flush();
    void this.deps.views.call('__video', { node, method, ...args });
  }
}

/** wx.createVideoContext(id, component?) */
export function createVideoContextApi(deps: VideoContextDeps): (id: unknown, component?: unknown) => VideoContext {
  return (id, component) => new VideoContext(String(id), component, deps);
}
