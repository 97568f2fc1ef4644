/**
 * bindmessage without WeChat's JSSDK. In WeChat the H5 page includes WeChat's script and calls
 * wx.miniProgram.postMessage({ data }); the mini program gets e.detail.data, the array of everything posted, at
 * certain moments (back, share, destroy). An H5 page here has no such script, and the shell gives the embedded page
 * no bridge at all, so the equivalent is the web's own: `parent.postMessage(data, '*')` from the frame. A message
 * counts only when it comes from the web-view's own frame window (event.source) at a real web origin (the sandbox
 * keeps allow-same-origin, so a page from an allowed origin never posts as "null"). Messages arriving within
 * MESSAGE_BATCH_MS of the first reach the page as one event: the shell has no share sheet and its back is
 * immediate, so waiting for those moments would mostly lose messages. A window rather than "the same task":
 * each postMessage from another process is a task of its own here, and a 0 ms timer could fall between two
 * posts the page made together. Data crosses as JSON: anything that does not survive it is dropped.
 */

/** a message larger than this (as JSON) is dropped: a page must not flood the logic layer */
export const MAX_MESSAGE_CHARS = 1 << 20;
/** how long after a first message later ones join its event */
export const MESSAGE_BATCH_MS = 50;

interface Listener {
  frame: HTMLIFrameElement;
  deliver(data: unknown[]): void;
}

const listeners = new Set<Listener>();
let queued = new Map<Listener, unknown[]>();

/** the posted value as plain data, or undefined when it cannot travel as JSON */
export function asPlainData(value: unknown): { data: unknown } | undefined {
  try {
    const json = JSON.stringify(value);
    if (json === undefined || json.length > MAX_MESSAGE_CHARS) return undefined;
    return { data: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
}

function flush(): void {
  const batch = queued;
  queued = new Map();
  for (const [listener, data] of batch) listener.deliver(data);
}

function onMessage(event: MessageEvent): void {
  if (event.origin === 'null' || event.origin === location.origin) return;
  for (const listener of [...listeners]) {
    const frame = listener.frame;
    // a replaced frame, or the frame of a page that was closed: forget its listener
    if (!frame.isConnected) {
      listeners.delete(listener);
      continue;
    }
    if (event.source !== frame.contentWindow) continue;
    const plain = asPlainData(event.data);
    if (!plain) return;
    if (queued.size === 0) setTimeout(flush, MESSAGE_BATCH_MS);
    queued.set(listener, [...(queued.get(listener) ?? []), plain.data]);
    return;
  }
}

/** delivers what `frame` posts, as arrays of data; the listener ends when the frame leaves the page */
export function listenForFrameMessages(frame: HTMLIFrameElement, deliver: (data: unknown[]) => void): void {
  if (listeners.size === 0) window.addEventListener('message', onMessage);
  listeners.add({ frame, deliver });
}
