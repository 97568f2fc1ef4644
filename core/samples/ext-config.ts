/**
 * What the hosts answer to wx.getExtConfig for an app: the origin of the merchant backend they run for
 * it, if any. WeChat gives a third-party platform's ext.json to the mini programs it hosts through this
 * API; here the shell is that platform, and a WeChat-format sample reads its backend's address from it
 * (web-format samples can use it too). Nothing else is put there.
 */
export function backendExtConfig(backendUrl: string | undefined): Record<string, unknown> {
  return backendUrl ? { backendUrl } : {};
}
