import type { ApiName, ApiParams } from '../contracts/apis';
import type { CallerIdentity } from '../contracts/app';
import type { OpenApiHandler } from '../contracts/integrator';
import type { ConsentLedger, ShellOptions } from '../contracts/services';
import { requireScope, type ScopeApis } from '../consent/scope-apis';
import type { CustomApiRegistry } from '../custom-apis/registry';
import type { AppStorage } from '../storage/app-storage';
import { ApiError, Errno } from '../contracts/errors';
import type { NetworkService } from '../network/network-service';
import { systemInfo } from './system-info';
import type { DeviceApis } from '../device/device-apis';
import type { AppFiles } from '../files/app-files';
import type { TempWrites } from '../files/temp-writes';

/** How long after answering exitMiniProgram the host is asked to close the view. */
export const EXIT_AFTER_ANSWER_MS = 100;

/** One API's implementation, given validated params. Returns the success payload (errMsg is added later). */
export type Route<N extends ApiName> = (caller: CallerIdentity, params: ApiParams<N>) => unknown;
export type RouteTable = { [N in ApiName]: Route<N> };

export interface HostRequest {
  type: 'exit';
  caller: CallerIdentity;
}

export interface RouteDeps {
  openApi: OpenApiHandler;
  customApis: CustomApiRegistry;
  ledger: ConsentLedger;
  scopeApis: ScopeApis;
  storage: AppStorage;
  host: ShellOptions['host'];
  extConfig(appId: string): Record<string, unknown>;
  requestHost(request: HostRequest): void;
  /** wx.request and friends; absent in a shell built without a runtime (they answer "not supported") */
  network?: NetworkService;
  /** clipboard and image chooser; absent in a shell built without a runtime (they answer "not supported") */
  device?: DeviceApis;
  /** wx.getFileSystemManager()'s methods and wx.saveFile & co. */
  files: AppFiles;
  /** __writeTempFile (canvasToTempFilePath's image); absent without a temp area (it answers "not supported") */
  tempWrites?: TempWrites;
}

/** Where every API name lands. Capability, params, mocks and time limits are the dispatcher's job, not this table's. */
export function createRoutes(deps: RouteDeps): RouteTable {
  const { openApi, storage } = deps;
  const appId = (caller: CallerIdentity) => caller.appInfo.appId;
  const network = (): NetworkService => {
    if (!deps.network) throw new ApiError('not supported: this shell has no network service', { errno: Errno.notSupported });
    return deps.network;
  };
  const device = (): DeviceApis => {
    if (!deps.device) throw new ApiError('not supported: this shell has no device service', { errno: Errno.notSupported });
    return deps.device;
  };
  return {
    login: (c, p) => openApi.login(c.appInfo, p),
    // Handlers take {} for these; the loose params schema may carry extra keys, which they must not rely on.
    checkSession: (c) => openApi.checkSession(c.appInfo, {}),
    getUserInfo: (c, p) => {
      requireScope(deps.ledger, appId(c), 'scope.userInfo');
      return openApi.getUserInfo(c.appInfo, p);
    },
    getUserProfile: (c, p) => openApi.getUserProfile(c.appInfo, p),
    getPhoneNumber: (c) => openApi.getPhoneNumber(c.appInfo, {}),
    requestPayment: (c, p) => openApi.requestPayment(c.appInfo, p),
    requestVirtualPayment: (c, p) => openApi.requestVirtualPayment(c.appInfo, p),

    invokeNativePlugin: (c, p) => deps.customApis.invoke(c, p),

    getSetting: (c) => deps.scopeApis.getSetting(c),
    authorize: (c, p) => deps.scopeApis.authorize(c, p.scope),
    openSetting: (c) => deps.scopeApis.openSetting(c),
    exitMiniProgram: (c) => {
      // WeChat answers success first and then closes the mini program: the view closes only after this
      // answer has left (the dispatcher resolves, the host sends it) and the app had a moment to run its callbacks.
      const timer = setTimeout(() => deps.requestHost({ type: 'exit', caller: c }), EXIT_AFTER_ANSWER_MS);
      (timer as { unref?: () => void }).unref?.();
      return {};
    },
    getSystemInfo: () => systemInfo(deps.host),

    setStorage: (c, p) => storage.set(appId(c), p.key, p.data),
    getStorage: (c, p) => ({ data: storage.get(appId(c), p.key) }),
    removeStorage: (c, p) => storage.remove(appId(c), p.key),
    clearStorage: (c) => storage.clear(appId(c)),
    getStorageInfo: (c) => storage.info(appId(c)),
    getExtConfig: (c) => ({ extConfig: deps.extConfig(appId(c)) }),

    request: (c, p) => network().request(c, p),
    downloadFile: (c, p) => network().downloadFile(c, p),
    uploadFile: (c, p) => network().uploadFile(c, p),
    connectSocket: (c, p) => network().connectSocket(c, p),
    sendSocketMessage: (c, p) => network().sendSocketMessage(c, p),
    closeSocket: (c, p) => network().closeSocket(c, p),
    abortNetworkTask: (c, p) => network().abortTask(c, p),

    setClipboardData: (c, p) => device().setClipboardData(c, p),
    getClipboardData: (c) => device().getClipboardData(c),
    chooseImage: (c, p) => device().chooseImage(c, p),
    chooseMedia: (c, p) => device().chooseMedia(c, p),

    access: (c, p) => deps.files.access(appId(c), p),
    readFile: (c, p) => deps.files.readFile(appId(c), p),
    writeFile: (c, p) => deps.files.writeFile(appId(c), p),
    appendFile: (c, p) => deps.files.appendFile(appId(c), p),
    unlink: (c, p) => deps.files.unlink(appId(c), p),
    mkdir: (c, p) => deps.files.mkdir(appId(c), p),
    rmdir: (c, p) => deps.files.rmdir(appId(c), p),
    readdir: (c, p) => deps.files.readdir(appId(c), p),
    stat: (c, p) => deps.files.stat(appId(c), p),
    rename: (c, p) => deps.files.rename(appId(c), p),
    copyFile: (c, p) => deps.files.copyFile(appId(c), p),
    truncate: (c, p) => deps.files.truncate(appId(c), p),
    getFileInfo: (c, p) => deps.files.getFileInfo(appId(c), p),
    saveFile: (c, p) => deps.files.saveFile(appId(c), p),
    getSavedFileList: (c, p) => deps.files.getSavedFileList(appId(c), p),
    removeSavedFile: (c, p) => deps.files.removeSavedFile(appId(c), p),

    __writeTempFile: (c, p) => {
      if (!deps.tempWrites) throw new ApiError('not supported: this shell has no temp file area', { errno: Errno.notSupported });
      return deps.tempWrites.write(appId(c), p);
    },
  };
}
