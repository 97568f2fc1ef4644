/**
 * Runs IN THE PAGE'S WORLD (serialized by contextBridge.executeInMainWorld), so it must not use
 * anything from its module: no imports, no outer variables, no helpers.
 *
 * Why not just exposeInMainWorld('wx', wx): every function crossing the bridge arrives as a fresh
 * proxy, so wx.offAppShow(listener) in the isolated world could never find the listener that
 * wx.onAppShow(listener) added. Here the listeners are kept in the page's own world, where identity
 * holds; one bridged listener per event fans the host's events out to them.
 */
export function installWxInMainWorld(bridged: Record<string, unknown>): void {
  const sets: Record<'appShow' | 'appHide', Set<(result: unknown) => void>> = { appShow: new Set(), appHide: new Set() };
  const fanOut = (name: 'appShow' | 'appHide') => (result: unknown) => {
    for (const listener of Array.from(sets[name])) {
      try {
        listener(result);
      } catch (error) {
        console.error(`wx: an ${name} listener threw`, error);
      }
    }
  };
  (bridged.onAppShow as (listener: (result: unknown) => void) => void)(fanOut('appShow'));
  (bridged.onAppHide as (listener: (result: unknown) => void) => void)(fanOut('appHide'));

  const on = (name: 'appShow' | 'appHide', label: string) => (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`wx.${label}: listener must be a function`);
    sets[name].add(listener as (result: unknown) => void);
  };
  // without a listener removes all of them, as in WeChat
  const off = (name: 'appShow' | 'appHide') => (listener?: unknown) => {
    if (listener === undefined) sets[name].clear();
    else sets[name].delete(listener as (result: unknown) => void);
  };

  // The same for the network tasks' on*/off* pairs and the global wx.onSocket* forms: listeners live here,
  // one bridged fan-out per event. contextBridge also copies a getter's value once, so SocketTask's
  // readyState is kept here from its own open/close events.
  type Fn = (...args: unknown[]) => unknown;
  const listenerPairs = (source: Record<string, unknown>, target: Record<string, unknown>, events: string[], label: string): void => {
    for (const event of events) {
      const set = new Set<(result: unknown) => void>();
      let subscribed = false;
      target[`on${event}`] = (listener: unknown) => {
        if (typeof listener !== 'function') throw new TypeError(`${label}.on${event}: listener must be a function`);
        set.add(listener as (result: unknown) => void);
        if (subscribed) return;
        subscribed = true;
        (source[`on${event}`] as Fn)((result: unknown) => {
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
  for (const key of Object.keys(bridged)) wx[key] = bridged[key];
  for (const api of Object.keys(taskEvents)) {
    const start = bridged[api];
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
  if (typeof bridged.onSocketOpen === 'function') listenerPairs(bridged, wx, ['SocketOpen', 'SocketMessage', 'SocketError', 'SocketClose'], 'wx');
  wx.onAppShow = on('appShow', 'onAppShow');
  wx.offAppShow = off('appShow');
  wx.onAppHide = on('appHide', 'onAppHide');
  wx.offAppHide = off('appHide');
  // frozen and not replaceable: one script of the page cannot swap an API out from under another
  Object.defineProperty(globalThis, 'wx', { value: Object.freeze(wx), writable: false, configurable: false, enumerable: true });
}
