/**
 * The view page's <meta name> carrying the app's compiled build (its source hash). The host writes it
 * (core/wechat/view-page.ts) and the view reads it (miniprogram/view/rendering-cache-view.ts): the initial
 * rendering cache is kept per build, so a changed package never shows a page recorded from the old one.
 */
export const APP_BUILD_META = 'wx-app-build';

/**
 * The query parameter that names the build in the URLs of the app's compiled files (/__wx/app/app.css?b=...,
 * /__wx/app/logic.js?b=...). A build folder never changes once written (its name is the hash of the sources and
 * the compiler version), so the browser host serves a URL naming the current build cacheable for good: a
 * launch then takes the bundle and the stylesheet from the browser's cache instead of asking the host.
 */
export const APP_BUILD_PARAM = 'b';

/** "?b=<build>" for the app's compiled files, or "" when the build is unknown */
export function appBuildQuery(appBuild: string | null | undefined): string {
  return appBuild ? `?${APP_BUILD_PARAM}=${encodeURIComponent(appBuild)}` : '';
}
