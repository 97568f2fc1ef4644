// Tea Shop: the page never decides a price or signs anything. It asks its merchant backend to create
// the order, passes the signed params to wx.requestPayment, then shows the order as the SERVER sees it.
'use strict';

const wx = window.wx;
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
const yuan = (fen) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let backendUrl = '';
let session = '';
let currentOrder = '';
const raw = {};

function fail(message) {
  const node = $('shop-error');
  node.textContent = message;
  node.hidden = false;
}

function showRaw(name, value) {
  raw[name] = value;
  $('pay-raw').textContent = JSON.stringify(raw, null, 2);
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
  // The host serves this on the app's own origin; the backend URL is not baked into the package.
  const res = await fetch('/__superapp__/backend.json');
  if (!res.ok) throw new Error(`no merchant backend: /__superapp__/backend.json answered HTTP ${res.status}`);
  const { url } = await res.json();
  if (typeof url !== 'string' || !url) throw new Error('no merchant backend: backend.json has no "url"');
  return url.replace(/\/+$/, '');
}

async function signIn() {
  const { code } = await wx.login();
  const answer = await backend('POST', '/login', { code });
  session = answer.session;
  $('signin-status').textContent = `Signed in as ${answer.openid.slice(0, 8)}…`;
  $('signin-status').dataset.state = 'signed-in';
}

function renderProducts(products) {
  const list = $('products');
  list.replaceChildren();
  for (const p of products) {
    const li = document.createElement('li');
    li.className = 'product';
    li.dataset.testid = 'product';
    li.dataset.productId = p.id;
    const name = document.createElement('h3');
    name.textContent = p.name;
    const price = document.createElement('div');
    price.className = 'price';
    price.dataset.testid = 'price';
    price.textContent = yuan(p.price);
    const desc = document.createElement('p');
    desc.textContent = p.description;
    const buy = document.createElement('button');
    buy.type = 'button';
    buy.textContent = 'Buy';
    buy.dataset.testid = 'buy';
    buy.dataset.productId = p.id;
    buy.addEventListener('click', () => void buyProduct(p.id));
    li.append(name, price, desc, buy);
    list.append(li);
  }
}

async function refreshOrder() {
  if (!currentOrder) return undefined;
  const order = await backend('GET', `/orders/${encodeURIComponent(currentOrder)}`);
  showRaw('orderquery', order);
  $('order-status').textContent = order.tradeState;
  $('order-notified').textContent = order.notified ? 'yes' : 'not yet';
  return order;
}

async function buyProduct(productId) {
  for (const b of document.querySelectorAll('[data-testid="buy"]')) b.disabled = true;
  try {
    const order = await backend('POST', '/orders', { productId });
    currentOrder = order.outTradeNo;
    $('order').hidden = false;
    $('order-no').textContent = order.outTradeNo;
    $('pay-result').textContent = 'waiting for you to confirm…';
    $('order-status').textContent = '';
    $('order-notified').textContent = '';
    showRaw('order', order);
    const result = await wx.requestPayment(order.payment).then((res) => res, (err) => err);
    showRaw('requestPayment', result);
    $('pay-result').textContent = result.errMsg;
    let status = await refreshOrder();
    // The paid notification is sent after the payment finishes, so give it a few bounded looks.
    for (let i = 0; status && status.tradeState === 'SUCCESS' && !status.notified && i < 10; i++) {
      await new Promise((r) => setTimeout(r, 300));
      status = await refreshOrder();
    }
  } catch (e) {
    fail(e.message);
  } finally {
    for (const b of document.querySelectorAll('[data-testid="buy"]')) b.disabled = false;
  }
}

$('order-refresh').addEventListener('click', () => void refreshOrder().catch((e) => fail(e.message)));

async function start() {
  if (!wx) throw new Error('No wx object on this page: open it from the Superapp Shell.');
  backendUrl = await findBackend();
  const { products } = await backend('GET', '/products');
  renderProducts(products);
  await signIn();
}

start().catch((e) => {
  $('signin-status').textContent = 'Not signed in';
  fail(e.message);
});
