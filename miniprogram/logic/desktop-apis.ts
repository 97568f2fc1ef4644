import { AppEventListeners } from './app-events';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';

/**
 * wx APIs that production mini programs call on every start (app.js's update check, log managers, analytics,
 * the share menu, the network type) and that have a plain desktop answer. Without them such an app stops at
 * its first line with "wx.getUpdateManager is not a function". What each answers, and why:
 *  - getUpdateManager: an installed package is the version the user installed; there is never an update to
 *    download, so onCheckForUpdate hears {hasUpdate: false} and the other two events never fire.
 *  - getLogManager / getRealtimeLogManager: WeChat uploads these logs for the developer's admin console; here
 *    they go to the console, where the inspector shows them.
 *  - reportAnalytics / reportEvent, setKeepScreenOn, show/hide/updateShareMenu, hideKeyboard: nothing to do
 *    on a desktop (no analytics service, no screen lock to hold, no share menu, no on-screen keyboard), so
 *    they succeed, as vibrateShort does.
 *  - getNetworkType / onNetworkStatusChange: "wifi" while the machine is online and "none" offline (WeChat's
 *    closest value for a desktop's unmetered connection), from the Worker's own navigator and its
 *    online/offline events.
 *  - onMemoryWarning: a desktop sends none; listeners are kept and never called.
 */

/** the Worker's real navigator and event target, read before sealed-globals.ts hides them from package code */
export interface NetworkSource {
  online(): boolean;
  onChange(listener: () => void): void;
}

export function workerNetworkSource(global: typeof globalThis): NetworkSource {
  const navigator = global.navigator as { onLine?: boolean } | undefined;
  const add = typeof global.addEventListener === 'function' ? global.addEventListener.bind(global) : undefined;
  return {
    // Node (the unit tests) has a navigator without onLine: count that as online
    online: () => navigator?.onLine !== false,
    onChange: (listener) => {
      add?.('online', listener);
      add?.('offline', listener);
    },
  };
}

const networkType = (source: NetworkSource) => (source.online() ? 'wifi' : 'none');

/**
 * WeChat APIs this shell cannot do (no location, camera scanner, photo album, other mini programs, sensors,
 * Bluetooth...). Each answers `<api>:fail not supported in this desktop shell` through its fail callback or
 * rejected Promise, as any failed call does, instead of stopping the page with "wx.getLocation is not a
 * function"; canIUse answers false for them, so code that asks first takes its other path.
 */
export const UNSUPPORTED_APIS: ReadonlySet<string> = new Set([
  'getLocation', 'chooseLocation', 'openLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation',
  'scanCode', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'chooseVideo', 'chooseMessageFile', 'openDocument',
  'requestSubscribeMessage', 'navigateToMiniProgram', 'navigateBackMiniProgram', 'openCustomerServiceChat',
  'chooseAddress', 'chooseInvoice', 'chooseInvoiceTitle', 'addPhoneContact', 'getWeRunData',
  'setScreenBrightness', 'getScreenBrightness', 'startAccelerometer', 'stopAccelerometer', 'startCompass', 'stopCompass',
  'startGyroscope', 'stopGyroscope', 'startDeviceMotionListening', 'stopDeviceMotionListening',
  'openBluetoothAdapter', 'startBluetoothDevicesDiscovery', 'startBeaconDiscovery', 'startWifi', 'getBatteryInfo',
  'checkIsSupportSoterAuthentication', 'startSoterAuthentication', 'shareFileMessage', 'showShareImageMenu',
]);

export function registerDesktopApis(apis: RuntimeApis, source: NetworkSource): void {
  for (const name of UNSUPPORTED_APIS) {
    apis.register(name, () => {
      throw new RuntimeApiError('not supported in this desktop shell');
    });
  }
  for (const name of ['setKeepScreenOn', 'showShareMenu', 'hideShareMenu', 'updateShareMenu', 'hideKeyboard']) apis.register(name, () => undefined);
  apis.register('getNetworkType', () => ({ networkType: networkType(source), signalStrength: 0, hasSystemProxy: false }));
}

type Log = (...args: unknown[]) => void;

/** the synchronous ones: they return objects or take listeners */
export function desktopSyncApis(source: NetworkSource): Record<string, unknown> {
  const network = new AppEventListeners<{ isConnected: boolean; networkType: string }>('onNetworkStatusChange');
  source.onChange(() => network.emit(() => ({ isConnected: source.online(), networkType: networkType(source) })));
  const memory = new AppEventListeners<{ level: number }>('onMemoryWarning');
  const tagged = (tag: string, log: Log): Log => (...args) => log(`[${tag}]`, ...args);
  // WeChat: "the globally unique update manager"
  let updates: ReturnType<typeof updateManager> | undefined;
  return {
    getUpdateManager: () => (updates ??= updateManager()),
    getLogManager: () => Object.freeze({ debug: tagged('log', console.debug), info: tagged('log', console.info), log: tagged('log', console.log), warn: tagged('log', console.warn) }),
    getRealtimeLogManager: () => realtimeLogManager('realtime log'),
    reportAnalytics: () => undefined,
    reportEvent: () => undefined,
    onNetworkStatusChange: (listener: unknown) => network.on(listener),
    offNetworkStatusChange: (listener?: unknown) => network.off(listener),
    onMemoryWarning: (listener: unknown) => memory.on(listener),
    offMemoryWarning: (listener?: unknown) => memory.off(listener),
  };
}

function updateManager() {
  const listenerOf = (name: string, listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError(`UpdateManager.${name}: listener must be a function`);
    return listener as (result: unknown) => void;
  };
  return Object.freeze({
    // WeChat checks when the app starts and tells the listener once; asynchronously, as it does
    onCheckForUpdate: (listener: unknown) => {
      const call = listenerOf('onCheckForUpdate', listener);
      setTimeout(() => call({ hasUpdate: false }), 0);
    },
    onUpdateReady: (listener: unknown) => void listenerOf('onUpdateReady', listener),
    onUpdateFailed: (listener: unknown) => void listenerOf('onUpdateFailed', listener),
    // only meaningful after onUpdateReady, which never comes
    applyUpdate: () => undefined,
  });
}

function realtimeLogManager(tag: string) {
  const filters: string[] = [];
  /** in(page): the page later lines belong to (WeChat: "sets the page" of the manager) */
  let route = '';
  const prefix = () => `[${[tag, route, ...filters].filter(Boolean).join(' ')}]`;
  const manager = {
    info: (...args: unknown[]) => console.info(prefix(), ...args),
    warn: (...args: unknown[]) => console.warn(prefix(), ...args),
    error: (...args: unknown[]) => console.error(prefix(), ...args),
    setFilterMsg: (msg: unknown) => void filters.splice(0, filters.length, String(msg)),
    addFilterMsg: (msg: unknown) => void filters.push(String(msg)),
    in: (page: unknown) => void (route = String((page as { route?: unknown } | null)?.route ?? '')),
    // RealtimeTagLogManager: info/warn/error(key, value) and the filters, under its tag
    tag: (name: unknown) => realtimeLogManager(`${tag} ${String(name)}`),
  };
  return Object.freeze(manager);
}
