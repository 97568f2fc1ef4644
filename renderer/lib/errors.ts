import { ShellError } from '../../core/contracts/shell-api';

/** A failed shell command as the user sees it: what went wrong, and what to do about it. */
export class ShellCallError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ShellCallError';
    this.hint = hint;
  }
}

export interface ErrorInfo {
  message: string;
  hint?: string;
}

// Electron wraps errors thrown by ipcMain.handle as "Error invoking remote method 'x': Error: msg".
const ELECTRON_PREFIX = /^Error invoking remote method '[^']*':\s*/;
const ERROR_NAME_PREFIX = /^(?:[A-Za-z]*Error):\s*/;

/** Turns whatever a transport rejected with into { message, hint } without losing the host's words. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ShellCallError) return withHint(error.message, error.hint);
  const plain = ShellError.safeParse(error);
  if (plain.success && !(error instanceof Error)) return withHint(plain.data.message, plain.data.hint);
  if (error instanceof Error) {
    const message = error.message.replace(ELECTRON_PREFIX, '').replace(ERROR_NAME_PREFIX, '') || 'The command failed';
    const hint = (error as { hint?: unknown }).hint;
    return withHint(message, typeof hint === 'string' ? hint : undefined);
  }
  if (typeof error === 'string' && error) return { message: error };
  return { message: 'Something went wrong', hint: 'Try again; if it keeps failing, the host log has details.' };
}

function withHint(message: string, hint: string | undefined): ErrorInfo {
  return hint ? { message, hint } : { message };
}
