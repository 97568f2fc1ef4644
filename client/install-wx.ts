/**
 * Puts `wx` on the page's global object. The ONE place both hosts do it: the browser host's injected
 * client (client/inject.ts) calls it in the page, and the Electron preload hands its source to
 * contextBridge.executeInMainWorld, which runs it in the page's world from its source text alone. So it
 * must stay self-contained: no imports, no outer variables, no helpers, nothing a bundler could rename.
 *
 * Why the property is configurable: a classic script's top-level `const wx = window.wx;` (all the
 * samples and much WeChat-style code start that way) is a SyntaxError ("Identifier 'wx' has already been
 * declared") when the global object already has a NON-configurable own property `wx`. Writable stays
 * false, so plain assignment cannot swap the object out from under another script.
 *
 * Why the app events are re-wired here: in Electron every function crossing the context bridge arrives
 * as a fresh proxy, so wx.offAppShow(listener) on the other side could never find the listener that
 * wx.onAppShow(listener) added. The listener sets live in the page's own world, where identity holds; one
 * listener per event on `source` fans the host's events out to them. The browser host gets the same
 * wrapper, so both hosts behave alike.
 */
export function installWx(source: Record<string, unknown>): void {
  type Listener = (result: unknown) => void;
  const sets: Record<'appShow' | 'appHide', Set<Listener>> = { appShow: new Set(), appHide: new Set() };
  const fanOut = (name: 'appShow' | 'appHide') => (result: unknown) => {
    for (const listener of Array.from(sets[name])) {
      try {
        listener(result);
      } catch (error) {
        console.error(`wx: an ${name} listener threw`, error);
      }
    }
  };
  (source.onAppShow as (listener: Listener) => void)(fanOut('appShow'));
  (source.onAppHide as (listener: Listener) => void)(fanOut('appHide'));

  const on = (name: 'appShow' | 'appHide', label: string) => (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`wx.${label}: listener must be a function`);
    sets[name].add(listener as Listener);
  };
  // without a listener removes all of them, as in WeChat
  const off = (name: 'appShow' | 'appHide') => (listener?: unknown) => {
    if (listener === undefined) sets[name].clear();
    else sets[name].delete(listener as Listener);
  };

  // The same for the network tasks' on*/off* pairs and the global wx.onSocket* forms: listeners live here,
  // one bridged fan-out per event. contextBridge also copies a getter's value once, so SocketTask's
  // readyState is kept here from its own open/close events.
  type Fn = (...args: unknown[]) => unknown;
  const listenerPairs = (from: Record<string, unknown>, target: Record<string, unknown>, events: string[], label: string): void => {
    for (const event of events) {
      const set = new Set<(result: unknown) => void>();
      let subscribed = false;
      target[`on${event}`] = (listener: unknown) => {
        if (typeof listener !== 'function') throw new TypeError(`${label}.on${event}: listener must be a function`);
        set.add(listener as (result: unknown) => void);
        if (subscribed) return;
        subscribed = true;
        (from[`on${event}`] as Fn)((result: unknown) => {
          for (const each of Array.from(set)) {
            try {
              each(result);
            } catch (error) {
              console.error(`wx: an on${event} listener threw`, error);
            }
          }
        });
      };
      target[`off${event}`] = (listener?: unknown) => {
        if (listener === undefined) set.clear();
        else set.delete(listener as (result: unknown) => void);
      };
    }
  };
  const taskEvents: Record<string, string[]> = {
    request: ['HeadersReceived'],
    downloadFile: ['ProgressUpdate', 'HeadersReceived'],
    uploadFile: ['ProgressUpdate', 'HeadersReceived'],
    connectSocket: ['Open', 'Message', 'Error', 'Close'],
  };

  const wx: Record<string, unknown> = {};
  for (const key of Object.keys(source)) wx[key] = source[key];
  for (const api of Object.keys(taskEvents)) {
    const start = source[api];
    if (typeof start !== 'function') continue;
    wx[api] = (options: unknown) => {
      const bridgedTask = (start as Fn)(options) as Record<string, unknown>;
      const task: Record<string, unknown> = {};
      for (const key of Object.keys(bridgedTask)) task[key] = bridgedTask[key];
      listenerPairs(bridgedTask, task, taskEvents[api]!, `${api} task`);
      if (api === 'connectSocket') {
        let readyState = 0;
        (bridgedTask.onOpen as Fn)(() => (readyState = 1));
        (bridgedTask.onClose as Fn)(() => (readyState = 3));
        const close = bridgedTask.close as Fn;
        task.close = (closeOptions?: unknown) => {
          if (readyState < 2) readyState = 2;
          return close(closeOptions);
        };
        Object.defineProperty(task, 'readyState', { get: () => readyState, enumerable: true });
      }
      return Object.freeze(task);
    };
  }
  if (typeof source.onSocketOpen === 'function') listenerPairs(source, wx, ['SocketOpen', 'SocketMessage', 'SocketError', 'SocketClose'], 'wx');
  wx.onAppShow = on('appShow', 'onAppShow');
  wx.offAppShow = off('appShow');
  wx.onAppHide = on('appHide', 'onAppHide');
  wx.offAppHide = off('appHide');
  Object.defineProperty(globalThis, 'wx', { value: Object.freeze(wx), writable: false, configurable: true, enumerable: true });
}
