/**
 * What VideoContext can ask of a <video> on the page: the logic layer's wx.createVideoContext sends these
 * as the `__video` view call (view-calls.ts), addressed to the node's DOM element.
 */
export interface VideoPlayer {
  play(): void;
  pause(): void;
  stop(): void;
  seek(position: number): void;
  playbackRate(rate: number): void;
  requestFullScreen(direction: number | undefined): void;
  exitFullScreen(): void;
  sendDanmu(danmu: unknown): void;
}

const players = new WeakMap<Element, VideoPlayer>();

export function registerVideoPlayer(element: Element, player: VideoPlayer): void {
  players.set(element, player);
}

/** runs one VideoContext method on the <video> element; false when the element is not a <video> (gone, or another tag) */
export function runVideoCall(element: Element | undefined, method: unknown, params: Record<string, unknown>): boolean {
  const player = element ? players.get(element) : undefined;
  if (!player) return false;
  switch (method) {
    case 'play':
      player.play();
      return true;
    case 'pause':
      player.pause();
      return true;
    case 'stop':
      player.stop();
      return true;
    case 'seek':
      player.seek(Number(params['position']));
      return true;
    case 'playbackRate':
      player.playbackRate(Number(params['rate']));
      return true;
    case 'requestFullScreen': {
      const direction = params['direction'];
      player.requestFullScreen(typeof direction === 'number' ? direction : undefined);
      return true;
    }
    case 'exitFullScreen':
      player.exitFullScreen();
      return true;
    case 'sendDanmu':
      player.sendDanmu(params['danmu']);
      return true;
    default:
      return false;
  }
}

/**
 * The `__video` view call: { node, method, ...arguments } from VideoContext. Answered ok whatever happens, as
 * WeChat's VideoContext methods have no callbacks; a node that is not (or no longer) a <video> is ignored.
 */
export function videoCalls(deps: { domNode(id: number): Node | undefined }) {
  return {
    async __video(params: Record<string, unknown>) {
      const node = deps.domNode(Number(params['node']));
      runVideoCall(node instanceof Element ? node : undefined, params['method'], params);
      return { ok: true, result: { errMsg: '__video:ok' } };
    },
  };
}
