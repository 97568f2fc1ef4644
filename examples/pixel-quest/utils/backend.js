// The merchant backend: where it runs and one way to call it. Everything goes through wx.request; the
// session token of our own backend (never WeChat's session_key) rides in the x-session header.
let session = '';

/** The backend's origin. The superapp starts the sample backend on a free loopback port at launch. */
function origin() {
  const config = wx.getExtConfigSync ? wx.getExtConfigSync() : {};
  const url = config && config.backendUrl;
  if (typeof url !== 'string' || !url) throw new Error('no merchant backend: the host gave this mini program no backendUrl');
  return url.replace(/\/+$/, '');
}

function useSession(token) {
  session = token;
}

/** Resolves with the backend's JSON answer; rejects with the backend's own explanation when it refuses. */
function call(method, path, data) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: origin() + path,
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
