/**
 * How many times something may be restarted within a sliding time window. A renderer that crashes
 * again as soon as it is reloaded (a bad build, a page that runs out of memory at once) would otherwise
 * be reloaded forever, burning CPU behind a window that never becomes usable.
 */
export interface ReloadBudget {
  /** true (and counted) when one more restart is allowed now; false once the window is used up */
  take(): boolean;
}

export function reloadBudget(options: { max: number; windowMs: number; now?: () => number }): ReloadBudget {
  const now = options.now ?? Date.now;
  let taken: number[] = [];
  return {
    take() {
      const at = now();
      taken = taken.filter((time) => at - time < options.windowMs);
      if (taken.length >= options.max) return false;
      taken.push(at);
      return true;
    },
  };
}
