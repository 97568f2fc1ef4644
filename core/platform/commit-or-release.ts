/**
 * Runs a payment's commit. If it fails (disk full, read-only), nothing was paid and the order's
 * reservation is released so the user can try again; if even that cannot be written, a restart
 * releases every reservation left by the previous run.
 */
export function commitOrRelease<R>(commit: () => R, release: () => void): R {
  try {
    return commit();
  } catch (e) {
    try {
      release();
    } catch {
      // released at the next start
    }
    throw e;
  }
}
