/**
 * The loopback ports of the desktop host that a mini program's wx.request must never reach: the server
 * API's, while it is on (the shell and the apps are served by custom schemes, not ports).
 */
export function serverApiPorts(serverApiUrl: string | undefined): number[] {
  if (!serverApiUrl) return [];
  const port = Number(new URL(serverApiUrl).port);
  return Number.isInteger(port) && port > 0 ? [port] : [];
}
