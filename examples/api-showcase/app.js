// API Showcase: one card per wx API. Each card can call its API in callback style and in Promise
// style with the JSON params typed in the box, and shows the raw answer so a developer (and the
// end-to-end tests) can see exactly what the host returned. Plain browser JS, no build step.
'use strict';

const now = () => String(Math.floor(Date.now() / 1000));
const ZERO_SIG = '0'.repeat(64);

/** Async APIs: name, default params, short note. Defaults are valid calls a developer can edit. */
const ASYNC_APIS = [
  ['login', {}, 'a one-time code for your server'],
  ['checkSession', {}, 'ok while the last login session is valid'],
  ['getUserInfo', { withCredentials: true, lang: 'en' }, 'needs scope.userInfo'],
  ['getUserProfile', { desc: 'Show your name on this page' }, 'asks every time'],
  ['getPhoneNumber', {}, 'asks, then gives a code'],
  ['requestPayment', { timeStamp: now(), nonceStr: 'showcase', package: 'prepay_id=not_a_real_order', signType: 'HMAC-SHA256', paySign: 'UNSIGNED' }, 'real orders: see the Shop sample'],
  ['requestVirtualPayment', {
    signData: JSON.stringify({ offerId: 'showcase', buyQuantity: 1, env: 0, currencyType: 'CNY', outTradeNo: 'showcase-1' }),
    mode: 'short_series_coin', paySig: ZERO_SIG, signature: ZERO_SIG,
  }, 'real orders: see the Game Shop sample'],
  ['invokeNativePlugin', { api_name: 'echo', data: { name: 'kka', age: 22 } }, 'host-registered custom API'],
  ['getSetting', {}, 'this app\'s authSetting'],
  ['authorize', { scope: 'scope.userInfo' }, 'asks once, then remembers'],
  ['openSetting', {}, 'the app\'s permission page'],
  ['getSystemInfo', {}, 'host name, version, platform'],
  ['exitMiniProgram', {}, 'closes this app'],
  ['setStorage', { key: 'greeting', data: { text: 'hello', n: 1 } }, 'kept by the host, per app'],
  ['getStorage', { key: 'greeting' }, ''],
  ['removeStorage', { key: 'greeting' }, ''],
  ['clearStorage', {}, ''],
  ['getStorageInfo', {}, 'keys and size in KB'],
  ['getExtConfig', {}, 'what the shell configures for this app (its backend, if it has one)'],
];

/** Sync storage forms: name, default params, how to turn the params into arguments. */
const SYNC_APIS = [
  ['setStorageSync', { key: 'greeting', data: 'hello, sync' }, (p) => [p.key, p.data]],
  ['getStorageSync', { key: 'greeting' }, (p) => [p.key]],
  ['removeStorageSync', { key: 'greeting' }, (p) => [p.key]],
  ['clearStorageSync', {}, () => []],
  ['getStorageInfoSync', {}, () => []],
];

const wx = window.wx;
const callsEl = document.getElementById('calls');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function show(api, state, errMsg, meta, raw) {
  const errEl = document.querySelector(`[data-testid="errmsg-${api}"]`);
  errEl.textContent = errMsg;
  errEl.dataset.state = state;
  document.querySelector(`[data-testid="meta-${api}"]`).textContent = meta;
  const text = raw === undefined ? 'undefined' : JSON.stringify(raw, null, 2);
  document.querySelector(`[data-testid="raw-${api}"]`).textContent = text;
}

/** Reads the params box; shows the JSON error in place instead of calling with half-typed input. */
function readParams(api) {
  const box = document.querySelector(`[data-testid="params-${api}"]`);
  try {
    const value = JSON.parse(box.value || '{}');
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('params must be a JSON object, e.g. {}');
    return value;
  } catch (e) {
    show(api, 'fail', `params are not valid JSON: ${e.message}`, 'not called', null);
    return undefined;
  }
}

function callbackStyle(api) {
  const params = readParams(api);
  if (!params) return;
  const order = [];
  let last;
  const render = () => {
    const state = order.includes('success') ? 'ok' : 'fail';
    show(api, state, last && last.errMsg, `callback: ${order.join(' → ')}`, last);
  };
  show(api, 'pending', 'waiting for the host…', 'callback', null);
  wx[api]({
    ...params,
    success(res) { order.push('success'); last = res; render(); },
    fail(err) { order.push('fail'); last = err; render(); },
    complete() { order.push('complete'); render(); },
  });
}

function promiseStyle(api) {
  const params = readParams(api);
  if (!params) return;
  show(api, 'pending', 'waiting for the host…', 'promise', null);
  let returned;
  try {
    returned = wx[api](params);
  } catch (e) {
    show(api, 'fail', `threw: ${e.message}`, 'promise: threw', null);
    return;
  }
  Promise.resolve(returned).then(
    (res) => show(api, 'ok', res && res.errMsg, 'promise: resolved', res),
    (err) => show(api, 'fail', err && err.errMsg, 'promise: rejected', err),
  );
}

function syncStyle(api, toArgs) {
  const params = readParams(api);
  if (!params) return;
  try {
    const value = wx[api](...toArgs(params));
    show(api, 'ok', 'returned', 'sync: returned', value);
  } catch (e) {
    show(api, 'fail', e.message, 'sync: threw', null);
  }
}

function card(api, params, note, buttons) {
  const box = el('textarea', { 'data-testid': `params-${api}`, 'aria-label': `${api} params (JSON)`, spellcheck: 'false' });
  box.value = JSON.stringify(params);
  return el('section', { class: 'call', 'data-testid': 'call', 'data-api': api, id: `call-${api}` },
    el('h2', {}, el('code', {}, `wx.${api}`), el('small', {}, note)),
    box,
    el('div', { class: 'buttons' }, ...buttons),
    el('div', { class: 'errmsg', 'data-testid': `errmsg-${api}`, 'aria-live': 'polite' }),
    el('div', { class: 'meta', 'data-testid': `meta-${api}` }),
    el('pre', { 'data-testid': `raw-${api}` }),
  );
}

function button(label, testId, onClick, secondary) {
  const b = el('button', { type: 'button', 'data-testid': testId, ...(secondary ? { class: 'secondary' } : {}) }, label);
  b.addEventListener('click', onClick);
  if (!wx) b.disabled = true;
  return b;
}

for (const [api, params, note] of ASYNC_APIS) {
  callsEl.append(card(api, params, note, [
    button('Callback', `callback-${api}`, () => callbackStyle(api)),
    button('Promise', `promise-${api}`, () => promiseStyle(api), true),
  ]));
}
for (const [api, params, toArgs] of SYNC_APIS) {
  callsEl.append(card(api, params, 'synchronous', [button('Run', `run-${api}`, () => syncStyle(api, toArgs))]));
}

// Lifecycle listeners are registered at start so the very first hide/show is caught.
const logEl = document.getElementById('lifecycle-log');
function logLifecycle(event, data) {
  const time = new Date().toLocaleTimeString();
  logEl.append(el('li', { 'data-testid': 'lifecycle-entry', 'data-event': event }, `${event} ${JSON.stringify(data ?? {})} at ${time}`));
}
if (wx) {
  wx.onAppShow((res) => logLifecycle('appShow', res));
  wx.onAppHide((res) => logLifecycle('appHide', res));
} else {
  document.getElementById('wx-missing').hidden = false;
}
