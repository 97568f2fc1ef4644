import type { PageWindow, TabBarConfig } from '../protocol';

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/** WeChat's defaults for app.json `window`, overridden by app.json, then by the page's own json. */
export function pageWindow(appWindow: Record<string, unknown> | undefined, pageConfig: Record<string, unknown> | undefined): PageWindow {
  const merged = { ...(appWindow ?? {}), ...(pageConfig ?? {}) };
  const cacheMode = merged['initialRenderingCache'];
  return {
    navigationBarTitleText: str(merged['navigationBarTitleText'], ''),
    navigationBarBackgroundColor: str(merged['navigationBarBackgroundColor'], '#000000'),
    navigationBarTextStyle: merged['navigationBarTextStyle'] === 'black' ? 'black' : 'white',
    navigationStyle: merged['navigationStyle'] === 'custom' ? 'custom' : 'default',
    backgroundColor: str(merged['backgroundColor'], '#ffffff'),
    enablePullDownRefresh: merged['enablePullDownRefresh'] === true,
    onReachBottomDistance: typeof merged['onReachBottomDistance'] === 'number' ? merged['onReachBottomDistance'] : 50,
    ...(cacheMode === 'static' || cacheMode === 'dynamic' ? { initialRenderingCache: cacheMode } : {}),
  };
}

/** app.json `tabBar` with WeChat's defaults, or undefined when the app has none */
export function tabBarConfig(raw: Record<string, unknown> | undefined): TabBarConfig | undefined {
  if (!raw || !Array.isArray(raw['list'])) return undefined;
  const list = (raw['list'] as Array<Record<string, unknown>>).map((item) => ({
    pagePath: str(item['pagePath'], '').replace(/^\//, ''),
    text: str(item['text'], ''),
    ...(typeof item['iconPath'] === 'string' ? { iconPath: item['iconPath'] } : {}),
    ...(typeof item['selectedIconPath'] === 'string' ? { selectedIconPath: item['selectedIconPath'] } : {}),
  }));
  return {
    color: str(raw['color'], '#7a7e83'),
    selectedColor: str(raw['selectedColor'], '#07c160'),
    backgroundColor: str(raw['backgroundColor'], '#ffffff'),
    borderStyle: raw['borderStyle'] === 'white' ? 'white' : 'black',
    position: raw['position'] === 'top' ? 'top' : 'bottom',
    list,
    custom: raw['custom'] === true,
  };
}
