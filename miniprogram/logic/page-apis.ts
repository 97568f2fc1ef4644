import { jsTypeName } from '../../core/contracts/type-names';
import { Op, type NavBarColorAnimation, type NavBarField } from '../protocol';
import type { LaunchInfo } from './app-instance';
import type { WindowSize } from './composed-backend';
import type { OpQueue } from './op-queue';
import type { PageRecord } from './pages';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import type { ViewCalls } from './view-calls';

/** The page-level interaction APIs the view draws (miniprogram/view/overlays). */
export const VIEW_DRAWN_APIS = ['showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal', 'showActionSheet', 'previewImage'] as const;

/** The base library version the runtime reports (what canIUse and SDKVersion answer for). */
export const SDK_VERSION = '3.0.0';

export interface PageApiDeps {
  apis: RuntimeApis;
  views: ViewCalls;
  queue: OpQueue;
  top(): PageRecord | undefined;
  windowSize(): WindowSize;
  launchInfo(): LaunchInfo | undefined;
  appId: string;
  /** runs onPullDownRefresh of a page, as a pull by the user would */
  pullDownRefresh(page: PageRecord): void;
  /** how many items app.json's tabBar has (0: no tab bar) */
  tabCount: number;
  /** app.json's "darkmode": true (getSystemInfo then reports `theme`) */
  darkmode?: boolean;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Registers the page-level wx APIs the runtime answers without the host: the overlays (forwarded to the
 * view, which answers WeChat's result), the navigation bar and the device/launch information.
 */
export function registerPageLevelApis(deps: PageApiDeps): void {
  const { apis, views, queue } = deps;
  for (const api of VIEW_DRAWN_APIS) {
    apis.register(api, async (params) => {
      const { ok, result } = await views.call(api, params);
      const { errMsg, ...fields } = result;
      if (ok) return fields;
      throw new RuntimeApiError(errMsg.startsWith(`${api}:fail `) ? errMsg.slice(api.length + 6) : errMsg);
    });
  }
  /** `set`: the navigation bar fields the call sets (they then win over the page's <navigation-bar> until it changes) */
  const withTop = (change: (page: PageRecord) => void, set: readonly NavBarField[] = [], animation?: NavBarColorAnimation) => {
    const page = deps.top();
    if (!page) throw new RuntimeApiError('no page is showing');
    change(page);
    queue.push(animation ? [Op.pageWindow, page.pageId, page.window, set, animation] : [Op.pageWindow, page.pageId, page.window, set]);
  };
  apis.register('setNavigationBarColor', (p) => {
    // WeChat takes only these two text colours, and a six-digit hex background
    if (p['frontColor'] !== '#ffffff' && p['frontColor'] !== '#000000') throw new RuntimeApiError('invalid frontColor');
    if (typeof p['backgroundColor'] !== 'string' || !HEX_COLOR.test(p['backgroundColor'])) throw new RuntimeApiError('invalid backgroundColor');
    withTop((page) => {
      page.window.navigationBarTextStyle = p['frontColor'] === '#ffffff' ? 'white' : 'black';
      page.window.navigationBarBackgroundColor = p['backgroundColor'] as string;
    }, ['navigationBarTextStyle', 'navigationBarBackgroundColor'], colorAnimationParam(p['animation']));
  });
  apis.register('showNavigationBarLoading', () => withTop((page) => (page.window.navigationBarLoading = true), ['navigationBarLoading']));
  apis.register('hideNavigationBarLoading', () => withTop((page) => (page.window.navigationBarLoading = false), ['navigationBarLoading']));
  // backgroundColorTop/Bottom are iOS-only in WeChat: accepted and ignored, as WeChat on a PC does
  apis.register('setBackgroundColor', (p) =>
    withTop((page) => {
      if (typeof p['backgroundColor'] === 'string') page.window.backgroundColor = p['backgroundColor'];
    }),
  );
  apis.register('setBackgroundTextStyle', () => undefined);
  apis.register('startPullDownRefresh', () => {
    const page = deps.top();
    if (!page) throw new RuntimeApiError('no page is showing');
    deps.pullDownRefresh(page);
  });
  registerTabBarApis(deps);
  apis.register('getSystemInfo', () => systemInfo(deps.windowSize(), deps.darkmode === true));
  apis.register('vibrateShort', () => undefined);
  apis.register('vibrateLong', () => undefined);
  apis.register('makePhoneCall', (p) => {
    // a bad call is still told what is wrong with it before it is told a desktop cannot dial
    if (typeof p['phoneNumber'] !== 'string') throw new RuntimeApiError(`parameter error: parameter.phoneNumber should be String instead of ${jsTypeName(p['phoneNumber'])};`);
    throw new RuntimeApiError('this desktop shell cannot place phone calls');
  });
}

/** WeChat: a badge text of more than 4 characters is shown as "..." */
export const MAX_BADGE_CHARS = 4;

/** What the tab bar shows for a setTabBarBadge text (counted in characters, not UTF-16 units). */
export function badgeText(text: string): string {
  return [...text].length > MAX_BADGE_CHARS ? '...' : text;
}

/**
 * setTabBarBadge, removeTabBarBadge, show/hideTabBarRedDot, setTabBarItem, setTabBarStyle, show/hideTabBar:
 * only on a tab page ("not TabBar page"), `index` within app.json's list; the view's tab bar keeps the state
 * across pages. WeChat's documentation gives no errMsg for these two failures; the words are ours.
 */
function registerTabBarApis(deps: PageApiDeps): void {
  const { apis, views } = deps;
  const onTabPage = () => {
    const top = deps.top();
    if (!top || !top.isTab || deps.tabCount === 0) throw new RuntimeApiError('not TabBar page');
  };
  const index = (p: Record<string, unknown>) => {
    const i = p['index'];
    if (typeof i !== 'number') throw new RuntimeApiError(`parameter error: parameter.index should be Number instead of ${jsTypeName(i)};`);
    if (!Number.isInteger(i) || i < 0 || i >= deps.tabCount) throw new RuntimeApiError('tabbar item not found');
    return i;
  };
  const send = async (params: Record<string, unknown>) => {
    await views.call('__tabBar', params);
  };
  apis.register('setTabBarBadge', async (p) => {
    onTabPage();
    const at = index(p);
    const text = p['text'];
    if (typeof text !== 'string') throw new RuntimeApiError(`parameter error: parameter.text should be String instead of ${jsTypeName(text)};`);
    await send({ action: 'badge', index: at, text: badgeText(text) });
  });
  apis.register('removeTabBarBadge', async (p) => {
    onTabPage();
    await send({ action: 'badge', index: index(p) });
  });
  apis.register('showTabBarRedDot', async (p) => {
    onTabPage();
    await send({ action: 'dot', index: index(p), on: true });
  });
  apis.register('hideTabBarRedDot', async (p) => {
    onTabPage();
    await send({ action: 'dot', index: index(p), on: false });
  });
  apis.register('setTabBarItem', async (p) => {
    onTabPage();
    await send({ ...p, action: 'item', index: index(p) });
  });
  apis.register('setTabBarStyle', async (p) => {
    onTabPage();
    await send({ ...p, action: 'style' });
  });
  apis.register('showTabBar', async () => {
    onTabPage();
    await send({ action: 'visible', visible: true });
  });
  apis.register('hideTabBar', async () => {
    onTabPage();
    await send({ action: 'visible', visible: false });
  });
}

/**
 * getSystemInfoSync: the view's size as the window, a desktop as the device; the fields WeChat documents
 * for it (the iOS-only switches left out, as WeChat leaves them out off iOS).
 */
export function systemInfo(size: WindowSize, darkmode = false): Record<string, unknown> {
  // fontSizeScaleFactor belongs to getAppBaseInfo only
  const { fontSizeScaleFactor: _scale, ...base } = appBaseInfo(darkmode);
  return {
    ...deviceInfo(),
    ...windowInfo(size),
    ...base,
    deviceOrientation: size.width > size.height ? 'landscape' : 'portrait',
    wifiEnabled: true,
    locationEnabled: false,
    bluetoothEnabled: false,
    cameraAuthorized: false,
    locationAuthorized: false,
    microphoneAuthorized: false,
    notificationAuthorized: false,
  };
}

export function windowInfo(size: WindowSize): Record<string, unknown> {
  return {
    pixelRatio: size.pixelRatio,
    screenWidth: size.width,
    screenHeight: size.height,
    windowWidth: size.width,
    windowHeight: size.height,
    statusBarHeight: 0,
    safeArea: { left: 0, right: size.width, top: 0, bottom: size.height, width: size.width, height: size.height },
    screenTop: 0,
  };
}

/** getDeviceInfo: WeChat's fields; abi, deviceAbi and cpuType are Android-only there, so absent here. */
export function deviceInfo(): Record<string, unknown> {
  const platform = desktopPlatform();
  const memory = (globalThis as { navigator?: { deviceMemory?: number } }).navigator?.deviceMemory;
  return {
    brand: 'desktop',
    model: 'Superapp Shell',
    system: SYSTEM_NAMES[platform],
    platform,
    benchmarkLevel: 1,
    // WeChat: a string, in MB; the browser only tells a rounded figure in GB (and not every browser)
    ...(typeof memory === 'number' ? { memorySize: String(Math.round(memory * 1024)) } : {}),
  };
}

/**
 * getAppBaseInfo. The base font is 16px and never scaled in the shell. `theme` is there only when app.json
 * sets "darkmode": true (WeChat: undefined otherwise); the shell draws light.
 */
export function appBaseInfo(darkmode = false): Record<string, unknown> {
  return {
    SDKVersion: SDK_VERSION,
    version: '8.0.0',
    language: 'zh_CN',
    ...(darkmode ? { theme: 'light' } : {}),
    enableDebug: false,
    host: { env: 'SuperappShell' },
    fontSizeSetting: 16,
    fontSizeScaleFactor: 1,
  };
}

type DesktopPlatform = 'windows' | 'mac' | 'linux';

/** getDeviceInfo().system: WeChat gives the system's name and version; the shell knows the name only */
const SYSTEM_NAMES: Record<DesktopPlatform, string> = { windows: 'Windows', mac: 'macOS', linux: 'Linux' };

/** WeChat's PC values: "windows" and "mac"; WeChat documents none for Linux, where the shell reports "linux" */
function desktopPlatform(): DesktopPlatform {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
  if (/Windows/i.test(agent)) return 'windows';
  if (/Mac OS/i.test(agent)) return 'mac';
  return 'linux';
}

/**
 * The capsule (menu button) rectangle WeChat reserves at the right of the navigation bar. The shell draws
 * no capsule, but layouts that line up with it need a rectangle: WeChat's size, in the same place.
 */
export function menuButtonRect(size: WindowSize): Record<string, number> {
  const width = 87;
  const height = 32;
  const top = 6;
  const right = size.width - 7;
  return { width, height, top, right, bottom: top + height, left: right - width };
}

/**
 * the components canIUse knows (schema "<component>.<attribute>..." answers true for these): every built-in the
 * view registers (test/unit/miniprogram/page-level-apis.test.ts reads them from view/components/ and checks)
 */
const COMPONENTS = new Set([
  'view', 'text', 'image', 'icon', 'progress', 'rich-text', 'button', 'navigator', 'input', 'textarea', 'checkbox', 'checkbox-group',
  'radio', 'radio-group', 'switch', 'slider', 'picker', 'label', 'form', 'scroll-view', 'swiper', 'swiper-item', 'block',
  'movable-area', 'movable-view', 'cover-view', 'cover-image', 'canvas', 'video', 'page-meta', 'navigation-bar', 'web-view', 'editor',
]);

/** WeChat's ${method} part of an API schema: how the API is called or answers */
const SCHEMA_METHODS = new Set(['return', 'success', 'object', 'callback']);

/**
 * canIUse(schema), "${API}.${method}.${param}.${option}" or "${component}.${attribute}.${option}": an API of
 * this wx whose method part (if any) is one WeChat names, or a built-in component. Parameters, options and
 * attributes are not checked one by one. `unavailable`: APIs that exist only to fail clearly (desktop-apis.ts).
 */
export function canIUse(wx: Record<string, unknown>, schema: unknown, unavailable: ReadonlySet<string> = new Set()): boolean {
  if (typeof schema !== 'string' || schema === '') return false;
  const [head, method] = schema.split('.');
  if (head && typeof wx[head] === 'function') return !unavailable.has(head) && (method === undefined || SCHEMA_METHODS.has(method));
  return head !== undefined && COMPONENTS.has(head);
}

/** setNavigationBarColor's `animation` ({ duration ms, timingFunc }), when it asks for one */
function colorAnimationParam(value: unknown): NavBarColorAnimation | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { duration, timingFunc } = value as NavBarColorAnimation;
  return typeof duration === 'number' && duration > 0 ? { duration, timingFunc } : undefined;
}
