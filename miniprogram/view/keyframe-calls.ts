import type { ToLogic } from '../protocol';
import type { Frame } from '../logic/keyframe-frames';
import type { PageApiHandler } from './overlays/page-apis';
import { clearKeyframes, playKeyframes } from './keyframe-player';

export interface KeyframeCallDeps {
  domNode(id: number): Node | undefined;
  post(message: ToLogic): void;
}

/** the view's elements for the node ids the logic layer resolved (a node gone since is skipped) */
function elements(deps: KeyframeCallDeps, ids: unknown): Element[] {
  return (Array.isArray(ids) ? ids : []).map((id) => deps.domNode(Number(id))).filter((n): n is Element => n instanceof Element);
}

/** this.animate and this.clearAnimation, as requests from the logic layer (logic/keyframe-animate.ts) */
export function keyframeCalls(deps: KeyframeCallDeps): Record<string, PageApiHandler> {
  return {
    async __keyframes(params) {
      const ids = Array.isArray(params['nodes']) ? (params['nodes'] as unknown[]) : [];
      const frames = Array.isArray(params['frames']) ? (params['frames'] as Frame[]) : [];
      const duration = Number(params['duration']) || 0;
      const finished = await playKeyframes(elements(deps, ids), frames, duration);
      // WeChat: a node's bind:transitionend also fires when a keyframe animation on it ends (before the callback)
      if (finished) for (const node of ids) deps.post({ t: 'event', node: Number(node), type: 'transitionend', detail: {}, bubbles: false });
      return { ok: true, result: { finished, errMsg: '__keyframes:ok' } };
    },
    async __clearKeyframes(params) {
      const names = Array.isArray(params['properties']) ? params['properties'].map(String) : null;
      for (const element of elements(deps, params['nodes'])) clearKeyframes(element, names);
      return { ok: true, result: { errMsg: '__clearKeyframes:ok' } };
    },
  };
}
