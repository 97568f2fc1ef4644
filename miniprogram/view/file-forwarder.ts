import { FILE_API_NAMES } from '../../core/contracts/api-names';

type HostWx = Record<string, unknown>;
type Callbacks = { success: (result: Record<string, unknown>) => void; fail: (fail: Record<string, unknown>) => void };

/** the Worker's file calls (readFile, writeFile, ...): WeChat has most of them only on the file system manager */
export const FILE_WIRE_APIS: ReadonlySet<string> = new Set(FILE_API_NAMES);

/**
 * Makes one of the Worker's file calls with the page's `wx.getFileSystemManager()`, whose methods answer
 * through callbacks only. Its success object may hold an ArrayBuffer (readFile) and Stats (stat): the port's
 * structured clone carries both (Stats as plain data, which the Worker's client turns back into Stats).
 */
export function forwardFileCall(hostWx: HostWx, api: string, params: Record<string, unknown>, answer: Callbacks): void {
  const getManager = hostWx['getFileSystemManager'];
  const manager = typeof getManager === 'function' ? (getManager.call(hostWx) as Record<string, unknown>) : undefined;
  const method = manager?.[api];
  if (typeof method !== 'function') {
    answer.fail({ errMsg: `${api}:fail not supported` });
    return;
  }
  method.call(manager, { ...params, success: answer.success, fail: answer.fail });
}
