// Pixel Quest Store: virtual goods. The backend builds and signs signData (it alone holds appKey and
// the session_key); the page passes the four fields to wx.requestVirtualPayment unchanged, then asks
// the backend what the platform says about the order. Items are delivered only on the server's word.
'use strict';

const wx = window.wx;
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
const yuan = (fen) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let backendUrl = '';
let session = '';
const raw = {};

function fail(message) {
  const node = $('shop-error');
  node.textContent = message;
  node.hidden = false;
}

function showRaw(name, value) {
  raw[name] = value;
  $('vpay-raw').textContent = JSON.stringify(raw, null, 2);
}

function showInventory(inv) {
  if (!inv) return;
  $('coins').textContent = String(inv.coins);
  $('goods-owned').textContent = inv.goods.length ? inv.goods.join(', ') : 'none';
}

// The host makes the call (wx.request), within the servers manifest.json declares in domains.request.
function backend(method, path, body) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${backendUrl}${path}`,
      method,
      ...(body ? { data: body } : {}),
      header: session ? { 'x-session': session } : {},
      success: (res) => {
        const data = res.data && typeof res.data === 'object' ? res.data : {};
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(data);
        else reject(new Error(data.error || `backend answered HTTP ${res.statusCode}`));
      },
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

async function findBackend() {
  // Samples only: the host runs their backend on a loopback port chosen at start and says where, on the app's own origin.
  const res = await fetch('/__superapp__/backend.json');
  if (!res.ok) throw new Error(`no merchant backend: /__superapp__/backend.json answered HTTP ${res.status}`);
  const { url } = await res.json();
  if (typeof url !== 'string' || !url) throw new Error('no merchant backend: backend.json has no "url"');
  return url.replace(/\/+$/, '');
}

function itemRow(testId, id, title, subtitle, kind) {
  const li = document.createElement('li');
  li.className = 'item';
  const text = document.createElement('div');
  const name = document.createElement('div');
  name.textContent = title;
  const sub = document.createElement('div');
  sub.className = 'price';
  sub.textContent = subtitle;
  text.append(name, sub);
  const buy = document.createElement('button');
  buy.type = 'button';
  buy.textContent = 'Buy';
  buy.dataset.testid = testId;
  buy.dataset.itemId = id;
  buy.addEventListener('click', () => void purchase(kind, id));
  li.append(text, buy);
  return li;
}

async function purchase(kind, itemId) {
  const buttons = document.querySelectorAll('button');
  for (const b of buttons) b.disabled = true;
  try {
    const order = await backend('POST', '/orders', { kind, itemId });
    showRaw('order', order);
    $('order').hidden = false;
    $('order-no').textContent = order.outTradeNo;
    $('vpay-result').textContent = 'waiting for you to confirm…';
    $('vpay-errcode').textContent = '';
    $('vorder-status').textContent = '';
    const result = await wx.requestVirtualPayment(order.request).then((res) => res, (err) => err);
    showRaw('requestVirtualPayment', result);
    $('vpay-result').textContent = result.errMsg;
    $('vpay-errcode').textContent = result.errCode === undefined ? '—' : String(result.errCode);
    const status = await backend('GET', `/orders/${encodeURIComponent(order.outTradeNo)}`).catch((e) => ({ state: `unknown (${e.message})` }));
    showRaw('queryorder', status);
    $('vorder-status').textContent = status.state;
    showInventory(status.inventory);
  } catch (e) {
    fail(e.message);
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

async function start() {
  if (!wx) throw new Error('No wx object on this page: open it from the Superapp Shell.');
  backendUrl = await findBackend();
  const catalog = await backend('GET', '/catalog');
  for (const p of catalog.coins) $('coin-packs').append(itemRow('buy-coins', p.id, p.name, 'priced by the platform', 'coins'));
  for (const g of catalog.goods) $('goods').append(itemRow('buy-goods', g.id, g.name, yuan(g.price), 'goods'));
  const { code } = await wx.login();
  const answer = await backend('POST', '/login', { code });
  session = answer.session;
  $('signin-status').textContent = `Signed in as ${answer.openid.slice(0, 8)}…`;
  $('signin-status').dataset.state = 'signed-in';
  showInventory(answer.inventory);
}

start().catch((e) => {
  $('signin-status').textContent = 'Not signed in';
  fail(e.message);
});
