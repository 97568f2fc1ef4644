/**
 * The view page's <meta name> carrying the app's compiled build (its source hash). The host writes it
 * (core/wechat/view-page.ts) and the view reads it (miniprogram/view/rendering-cache-view.ts): the initial
 * rendering cache is kept per build, so a changed package never shows a page recorded from the old one.
 */
export const APP_BUILD_META = 'wx-app-build';
