import { APP_BUILD_META } from '../../core/contracts/wechat-view-page';

/** The app's compiled build the host named in the view page (core/wechat/view-page.ts), if it did. */
export function pageAppBuild(doc: Document = document): string | undefined {
  return doc.querySelector(`meta[name="${APP_BUILD_META}"]`)?.getAttribute('content') ?? undefined;
}
