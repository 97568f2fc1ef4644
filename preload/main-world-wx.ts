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

  const wx: Record<string, unknown> = {};
  for (const key of Object.keys(bridged)) wx[key] = bridged[key];
  wx.onAppShow = on('appShow', 'onAppShow');
  wx.offAppShow = off('appShow');
  wx.onAppHide = on('appHide', 'onAppHide');
  wx.offAppHide = off('appHide');
  // frozen and not replaceable: one script of the page cannot swap an API out from under another
  Object.defineProperty(globalThis, 'wx', { value: Object.freeze(wx), writable: false, configurable: false, enumerable: true });
}
