import { defineBuiltin } from './registry';
import { listenForFrameMessages } from './web-view-messages';
import { judgeWebViewSrc } from './web-view-src';

/**
 * Sandbox of the embedded page. Kept: allow-scripts and allow-forms (H5 pages are scripted and submit forms),
 * allow-same-origin (the page keeps its own origin's cookies and storage, as in WeChat's web-view; harmless because
 * web-view-src.ts never admits the app's own origin, so the frame stays cross-origin to the app). Left out: every
 * allow-top-navigation* (the page must not navigate the app or the shell away), allow-popups* (no windows),
 * allow-modals (no alert/confirm blocking the app above it), allow-downloads, allow-pointer-lock,
 * allow-presentation, allow-orientation-lock.
 */
export const WEB_VIEW_SANDBOX = 'allow-scripts allow-forms allow-same-origin';

interface Showing {
  /** the src as the template gave it (WeChat's bindload `src` and binderror `url`) */
  src: string;
  href: string;
  origin: string;
  frame: HTMLIFrameElement;
  settled: boolean;
}

/**
 * <web-view src bindload binderror bindmessage>: a web page over the whole page frame (components.css), in a
 * sandboxed frame with no referrer and no permissions. A src the shell does not admit (web-view-src.ts) shows
 * nothing and sends binderror {url, fullUrl}; so does one the page policy blocks (an http loopback server the app
 * may not reach), seen as the browser's frame-src violation, which it reports before the frame's load event.
 * bindload {src} fires once per src: later navigations inside the page are cross-origin and invisible here.
 * bindmessage: web-view-messages.ts.
 */
defineBuiltin({
  tag: 'web-view',
  create: (ctx) => {
    const element = document.createElement('wx-web-view');
    let showing: Showing | undefined;

    const settle = (current: Showing) => {
      current.settled = true;
      document.removeEventListener('securitypolicyviolation', onViolation);
    };
    const drop = () => {
      if (showing && !showing.settled) settle(showing);
      showing?.frame.remove();
      showing = undefined;
    };
    function onViolation(event: SecurityPolicyViolationEvent): void {
      const current = showing;
      if (!current || current.settled || event.effectiveDirective !== 'frame-src') return;
      // the browser reports a blocked frame by its origin only
      if (originOf(event.blockedURI) !== current.origin) return;
      drop();
      ctx.emit('error', { url: current.src, fullUrl: current.href });
    }

    const show = (src: string) => {
      drop();
      if (src === '') return;
      const verdict = judgeWebViewSrc(src, location.origin);
      if (!verdict.ok) {
        console.warn(`<web-view src="${src}">: only https pages (or a loopback server the app may reach) are shown`);
        ctx.emit('error', { url: src, fullUrl: verdict.fullUrl });
        return;
      }
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', WEB_VIEW_SANDBOX);
      frame.setAttribute('allow', '');
      frame.referrerPolicy = 'no-referrer';
      frame.title = 'web page';
      const current: Showing = { src, href: verdict.href, origin: verdict.origin, frame, settled: false };
      frame.addEventListener('load', () => {
        // a blocked frame loads an error page right after the violation is reported: let that report land first
        setTimeout(() => {
          if (showing !== current || current.settled) return;
          settle(current);
          ctx.emit('load', { src: current.src });
        }, 0);
      });
      document.addEventListener('securitypolicyviolation', onViolation);
      listenForFrameMessages(frame, (data) => {
        if (showing === current) ctx.emit('message', { data });
      });
      frame.src = verdict.href;
      showing = current;
      element.append(frame);
    };

    return {
      element,
      set(name, value) {
        if (name !== 'src') return false;
        const src = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
        if (src !== showing?.src) show(src);
        return true;
      },
      remove(name) {
        if (name !== 'src') return false;
        drop();
        return true;
      },
    };
  },
});

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
