import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';

export interface DevAppWatcherOptions {
  folder: string;
  /** quiet time after the last change before reinstalling: editors write files in bursts */
  debounceMs?: number;
  onChange: () => Promise<void>;
  log: (message: string) => void;
}

const IGNORED = /(^|[/\\])(node_modules|\.git|backend)([/\\]|$)|~$|\.swp$|\.tmp$/;

/**
 * Watches a development folder (`--app`) and calls onChange once per burst of edits, never two at once:
 * a change that lands during a reinstall schedules one more run after it.
 */
export function watchDevApp(options: DevAppWatcherOptions): { close(): void } {
  const folder = resolve(options.folder);
  const debounceMs = options.debounceMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let closed = false;

  const run = async () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await options.onChange();
    } catch (e) {
      options.log(`dev app ${folder}: ${(e as Error).message}`);
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        timer = setTimeout(run, debounceMs);
      }
    }
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, { recursive: true }, (_event, name) => {
      if (name && IGNORED.test(String(name))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, debounceMs);
    });
    watcher.on('error', (e) => options.log(`dev app ${folder}: stopped watching (${e.message})`));
  } catch (e) {
    options.log(`dev app ${folder}: cannot watch for changes (${(e as Error).message}); restart the host to pick up edits`);
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
