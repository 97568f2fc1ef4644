import type { RunningApp } from '../../core/contracts/shell-api';
import { h, icon, ICONS } from '../lib/dom';
import { toErrorInfo } from '../lib/errors';
import { sameBounds, stageBounds, type StageBounds } from '../lib/viewport';
import type { ShellContext } from '../state';

// Mini programs may run scripts and forms in their own origin, nothing more: no popups, no top navigation.
const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms';
const FRAME_ALLOW = 'autoplay; fullscreen';

/**
 * Where apps show. Browser host: one iframe per running app, kept (hidden) while in the background
 * so its state survives tab switches. Electron: an empty area whose bounds the host uses to place
 * the native view, reported on every layout change and zeroed when a panel covers it.
 */
export function createStage(ctx: ShellContext): HTMLElement {
  const empty = h(
    'div',
    { class: 'stage-empty' },
    icon(ICONS.play, 28),
    h('p', { text: 'No app is open. Launch one from the catalog.' }),
    h('button', { class: 'button button-primary', attrs: { type: 'button' }, text: 'Open catalog', on: { click: () => ctx.navigate('catalog') } }),
  );
  const el = h('div', { class: 'stage', testid: 'stage' }, empty);

  if (ctx.host.host === 'web') mountFrames(ctx, el, empty);
  else reportViewport(ctx, el, empty);
  return el;
}

function mountFrames(ctx: ShellContext, stage: HTMLElement, empty: HTMLElement): void {
  const frames = new Map<number, HTMLIFrameElement>();

  const sync = (running: readonly RunningApp[]): void => {
    const alive = new Set(running.map((r) => r.viewId));
    for (const [viewId, frame] of frames) {
      if (!alive.has(viewId)) {
        frame.remove();
        frames.delete(viewId);
      }
    }
    for (const app of running) {
      let frame = frames.get(app.viewId);
      if (!frame || frame.dataset['url'] !== app.url) {
        frame?.remove();
        frame = h('iframe', {
          class: 'app-frame',
          testid: 'app-frame',
          attrs: {
            sandbox: FRAME_SANDBOX,
            // an app may go full screen (<video>'s button, VideoContext.requestFullScreen) and play sound as
            // the desktop app's own view may: without `fullscreen` a cross-origin frame's requestFullscreen is
            // refused; `autoplay` keeps <video autoplay> playing when the shell is served from another site
            // than its apps (a cross-site frame's play() is refused until a click inside it)
            allow: FRAME_ALLOW,
            referrerpolicy: 'no-referrer',
            title: app.name,
            'data-view-id': app.viewId,
            'data-app-id': app.appId,
            'data-url': app.url,
          },
        });
        frame.src = app.url;
        frames.set(app.viewId, frame);
        stage.appendChild(frame);
      }
      frame.hidden = !app.active;
    }
    empty.hidden = running.some((r) => r.active);
  };

  sync(ctx.state.get().running);
  ctx.state.subscribe((s, prev) => {
    if (s.running !== prev.running) sync(s.running);
  });
}

function reportViewport(ctx: ShellContext, stage: HTMLElement, empty: HTMLElement): void {
  stage.classList.add('stage-native');
  let last: StageBounds | undefined;
  let scheduled = false;

  const send = (): void => {
    scheduled = false;
    const { panel, running } = ctx.state.get();
    const visible = panel === 'app' && running.some((r) => r.active);
    empty.hidden = running.some((r) => r.active);
    // see-through where the native app view is (styles.css, html.host-native), so a sheet dims it, not hides it
    stage.classList.toggle('stage-has-app', visible);
    const bounds = stageBounds(stage.getBoundingClientRect(), visible);
    if (sameBounds(last, bounds)) return;
    last = bounds;
    ctx.api.call('setViewport', bounds).catch((error: unknown) => {
      last = undefined;
      ctx.toasts.error(toErrorInfo(error));
    });
  };
  // Layout changes come in bursts (window drag); one report per frame is enough.
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(send);
  };

  new ResizeObserver(schedule).observe(stage);
  window.addEventListener('resize', schedule);
  ctx.state.subscribe((s, prev) => {
    if (s.panel !== prev.panel || s.running !== prev.running) schedule();
  });
  schedule();
}
