import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from '../contracts/app';
import { ShellCommandError } from '../contracts/services';
import type { ShellEvent } from '../contracts/shell-api';

type Task = Extract<ShellEvent, { type: 'deviceTask' }>['task'];
export interface TaskAnswer {
  ok: boolean;
  text?: string;
  error?: string;
}

interface Pending {
  viewId: number;
  resolve: (answer: TaskAnswer) => void;
}

/**
 * Device work the browser host's trusted shell page does for an app (the system clipboard through
 * navigator.clipboard): a task goes out as a `deviceTask` event and comes back through answerDeviceTask.
 * A task dies with its view or its call's time limit, answered as a failure.
 */
export class ShellTasks {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly emit: (event: ShellEvent) => void) {}

  run(task: Task, caller: CallerIdentity, signal?: AbortSignal): Promise<TaskAnswer> {
    if (signal?.aborted) return Promise.resolve({ ok: false, error: 'the call timed out' });
    const taskId = randomUUID();
    return new Promise<TaskAnswer>((resolve) => {
      const pending: Pending = { viewId: caller.webViewId, resolve };
      this.pending.set(taskId, pending);
      signal?.addEventListener('abort', () => this.settle(taskId, { ok: false, error: 'the call timed out' }), { once: true });
      this.emit({ type: 'deviceTask', taskId, viewId: caller.webViewId, task });
    });
  }

  answer(taskId: string, answer: TaskAnswer): void {
    if (!this.pending.has(taskId)) {
      throw new ShellCommandError('This device task is no longer waiting for an answer', 'The mini program closed or the request timed out.');
    }
    this.settle(taskId, answer);
  }

  cancelForView(viewId: number): void {
    for (const [id, p] of this.pending) if (p.viewId === viewId) this.settle(id, { ok: false, error: 'the mini program closed' });
  }

  private settle(taskId: string, answer: TaskAnswer): void {
    const p = this.pending.get(taskId);
    if (!p) return;
    this.pending.delete(taskId);
    p.resolve(answer);
  }
}
