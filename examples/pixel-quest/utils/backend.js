// The merchant backend: where it runs and one way to call it. Everything goes through wx.request; the
// session token of our own backend (never WeChat's session_key) rides in the x-session header.
let session = '';
let origin;

/**
 * The backend's origin. The superapp runs the sample backend on a free loopback port and, as the platform
 * hosting this mini program, hands its address over in the ext config (wx.getExtConfig).
 */
function backendOrigin() {
  if (!origin) {
    origin = wx.getExtConfig().then(({ extConfig }) => {
      const url = extConfig && extConfig.backendUrl;
      if (typeof url !== 'string' || !url) throw new Error('no merchant backend: the shell runs none for this mini program (extConfig has no backendUrl)');
      return url.replace(/\/+$/, '');
    });
    // A failed look-up is tried again on the next call, not remembered.
    origin.catch(() => {
      origin = undefined;
    });
  }
  return origin;
}

function useSession(token) {
  session = token;
}

/** Resolves with the backend's JSON answer; rejects with the backend's own explanation when it refuses. */
async function call(method, path, data) {
  const base = await backendOrigin();
  return new Promise((resolve, reject) => {
    wx.request({
      url: base + path,
      method,
      ...(data === undefined ? {} : { data }),
      header: session ? { 'x-session': session } : {},
      success(res) {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(res.data);
        else reject(new Error((res.data && res.data.error) || `backend answered HTTP ${res.statusCode}`));
      },
      fail(err) {
        reject(new Error(err.errMsg));
      },
    });
  });
}

module.exports = { call, useSession };
