import type { ToLogic } from '../protocol';
import { parseRouteUrl } from '../logic/route-url';
import { LAUNCH_PATH_PARAM } from '../../client/transports/boot-config';
import { storageSnapshot } from './wx-forwarder';
import { RUNTIME_VERSION_QUERY } from './runtime-version-query';
import { pageAppBuild } from './page-app-build';
import { appBuildQuery } from '../../core/contracts/wechat-view-page';

/**
 * Where the host serves the runtime and the app's compiled bundle (docs/wechat-format.md section 3); the
 * bundle's URL names the build the page was served with, so the browser may keep it (APP_BUILD_PARAM).
 */
const LOGIC_WORKER_URL = '/__wx/runtime/logic.js';
const APP_BUNDLE_URL = '/__wx/app/logic.js';

/**
 * Starts the logic Worker and sends it `start` (with the wx port, the storage mirror, the window size and the
 * launch page) before the rest of view.js sets itself up: main.ts imports this module first, so the Worker's
 * script is fetched and run while the view registers its components and builds its chrome. Nothing is lost
 * by starting early: the Worker's answers are dispatched as tasks, after view.js (one script) has set its
 * onmessage, and `port` queues the Worker's wx calls until serveWx listens on it.
 */
export function startLogic(hostWx: Record<string, unknown> | undefined): { worker: Worker; port: MessagePort; startedAt: number } {
  const startedAt = performance.now();
  const worker = new Worker(LOGIC_WORKER_URL + RUNTIME_VERSION_QUERY);
  const channel = new MessageChannel();
  const size = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight, pixelRatio: window.devicePixelRatio };
  const launch = launchFromUrl(location.search);
  worker.postMessage({ t: 'start', bundleUrl: APP_BUNDLE_URL + appBuildQuery(pageAppBuild()), storageMirror: storageSnapshot(hostWx), window: size, ...(launch ? { launch } : {}) } satisfies ToLogic, [channel.port2]);
  return { worker, port: channel.port1, startedAt };
}

/** the page the host launched this view on ("pages/a/a?x=1" in the view URL), if it named one */
function launchFromUrl(search: string): { path: string; query: Record<string, string> } | undefined {
  const wanted = new URLSearchParams(search).get(LAUNCH_PATH_PARAM);
  if (!wanted) return undefined;
  const { route, query } = parseRouteUrl(wanted.startsWith('/') ? wanted : `/${wanted}`, '');
  return { path: route, query };
}

/** started as soon as view.js runs (see startLogic) */
export const logic = startLogic((window as unknown as { wx?: Record<string, unknown> }).wx);
