import type { ShellEvent } from '../../core/contracts/shell-api';
import type { ShellContext } from '../state';

type DeviceTask = Extract<ShellEvent, { type: 'deviceTask' }>;

/** The browser's reason, short enough for an errMsg. */
function reason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 300);
}

/**
 * Browser host only: the system clipboard for wx.setClipboardData / getClipboardData. The app's frame
 * never touches navigator.clipboard (it is another origin and gets no clipboard permission); this trusted
 * page does, after the host checked the app's grant, and answers with answerDeviceTask.
 */
export async function runDeviceTask(ctx: Pick<ShellContext, 'api'>, event: DeviceTask, clipboard: Pick<Clipboard, 'readText' | 'writeText'> | undefined): Promise<void> {
  let answer: { ok: boolean; text?: string; error?: string };
  try {
    if (!clipboard) throw new Error('this browser gives the page no clipboard (navigator.clipboard is missing; it needs a secure context)');
    if (event.task.op === 'clipboardWrite') {
      await clipboard.writeText(event.task.text);
      answer = { ok: true };
    } else {
      answer = { ok: true, text: await clipboard.readText() };
    }
  } catch (error) {
    answer = { ok: false, error: reason(error) };
  }
  try {
    await ctx.api.call('answerDeviceTask', { taskId: event.taskId, ...answer });
  } catch {
    // the call already timed out or its app closed: nobody is waiting for this answer
  }
}
