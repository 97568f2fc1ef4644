import { component } from 'glass-easel-miniprogram-adapter';

/** Where WeChat looks for the component of a custom tab bar (app.json tabBar.custom: true). */
export const CUSTOM_TAB_BAR = 'custom-tab-bar/index';

interface CallerLike {
  _$: { ownerShadowRoot: { getHostNode(): CallerLike['_$'] } | null; getMethodCaller(): unknown };
}

let installed = false;

/**
 * `this.getTabBar()` in any component of a tab page ("自定义组件新增 getTabBar 接口，可获取当前页面下的自定义
 * tabBar 组件实例"): the component's page is the root of its chain of owners, and the page instance
 * answers (pages.ts gives each page its own getTabBar). Outside a tab page it returns undefined.
 */
export function installGetTabBar(): void {
  if (installed) return;
  installed = true;
  const proto = component.ComponentCaller.prototype as unknown as { getTabBar?: (this: CallerLike) => unknown };
  proto.getTabBar = function getTabBar(this: CallerLike) {
    let node = this._$;
    while (node.ownerShadowRoot) node = node.ownerShadowRoot.getHostNode();
    const top = node.getMethodCaller() as { getTabBar?: unknown } | undefined;
    if (!top || top === this || !Object.prototype.hasOwnProperty.call(top, 'getTabBar')) return undefined;
    return (top.getTabBar as () => unknown)();
  };
}
