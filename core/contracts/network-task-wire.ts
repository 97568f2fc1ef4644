import * as z from 'zod/mini';

/*
 * The part of the network contract (core/contracts/network.ts) the wx client needs at run time: the API
 * names and the task event the host sends. zod/mini, because wx.js loads it in every mini program frame
 * before the page's own scripts (see core/contracts/wire.ts).
 */

/** A network task's name, chosen by the page (unique per view). */
export const TaskId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'taskId is 1-64 letters, digits, "_" or "-"'));

/** Bridge APIs that carry the network tasks; the wx methods of the first four return a task object. */
export const TASK_API_NAMES = ['request', 'downloadFile', 'uploadFile', 'connectSocket'] as const;
export type TaskApiName = (typeof TASK_API_NAMES)[number];
export const NETWORK_API_NAMES = [...TASK_API_NAMES, 'sendSocketMessage', 'closeSocket', 'abortNetworkTask'] as const;
export type NetworkApiName = (typeof NETWORK_API_NAMES)[number];

/** The host -> view event of a task: `{ v: 1, event: 'networkTask', data: NetworkTaskEvent }`. */
export const NetworkTaskEvent = z.object({
  taskId: TaskId,
  type: z.enum(['headersReceived', 'progress', 'open', 'message', 'error', 'close']),
  /**
   * what the task's listener receives, in WeChat's shape (headersReceived: { header, statusCode, cookies };
   * progress: { progress, totalBytesWritten|Sent, totalBytesExpectedToWrite|Send }; open: { header };
   * message: { data } or { dataBase64 }; error: { errMsg }; close: { code, reason })
   */
  detail: z._default(z.record(z.string(), z.unknown()), {}),
});
export type NetworkTaskEvent = z.infer<typeof NetworkTaskEvent>;
