// The store: coin packs (short_series_coin, priced by the platform) and items (short_series_goods, priced
// by this game). One purchase at a time; the wallet moves only when the backend says the platform was paid.
const backend = require('../../utils/backend');

const app = getApp();
const WAITING = 'waiting for you to confirm…';

/** wx.requestVirtualPayment has no Promise form: success and fail both answer with errMsg (fail adds errCode). */
function requestVirtualPayment(request) {
  return new Promise((resolve) => {
    wx.requestVirtualPayment({ ...request, success: resolve, fail: resolve });
  });
}

Page({
  data: {
    catalog: { coins: [], goods: [] },
    inventory: { coins: 0, goods: [] },
    goodsNames: [],
    signinText: 'Signing in…',
    signedIn: false,
    busy: false,
    error: '',
    purchase: null,
    showRaw: false,
    rawText: '',
  },

  onLoad() {
    this.raw = {};
    backend
      .call('GET', '/catalog')
      .then((catalog) => {
        app.globalData.catalog = catalog;
        this.setData({ catalog });
        this.showWallet();
      })
      .catch((e) => this.setData({ error: e.message }));
    app.signedIn.then(
      (answer) => {
        this.setData({ signedIn: true, signinText: `Signed in as ${answer.openid.slice(0, 8)}…` });
        this.showWallet();
      },
      (e) => this.setData({ signinText: 'Not signed in', error: e.message }),
    );
  },

  onShow() {
    this.showWallet();
  },

  showWallet() {
    this.setData({ inventory: app.globalData.inventory, goodsNames: app.goodsNames() });
  },

  record(name, value) {
    this.raw[name] = value;
    this.setData({ rawText: JSON.stringify(this.raw, null, 2) });
  },

  async onBuy(e) {
    if (this.data.busy) return;
    const { kind, itemId } = e.detail;
    this.setData({ busy: true, error: '' });
    try {
      const order = await backend.call('POST', '/orders', { kind, itemId });
      this.raw = {};
      this.record('order', order);
      this.setData({ purchase: { outTradeNo: order.outTradeNo, result: WAITING, errCode: '', state: '' } });
      const result = await requestVirtualPayment(order.request);
      this.record('requestVirtualPayment', result);
      this.setData({
        'purchase.result': result.errMsg,
        'purchase.errCode': result.errCode === undefined ? '—' : String(result.errCode),
      });
      const status = await backend
        .call('GET', `/orders/${encodeURIComponent(order.outTradeNo)}`)
        .catch((err) => ({ state: `unknown (${err.message})` }));
      this.record('queryorder', status);
      this.setData({ 'purchase.state': status.state });
      if (status.inventory) {
        app.globalData.inventory = status.inventory;
        this.showWallet();
      }
    } catch (err) {
      this.setData({ error: err.message });
    } finally {
      this.setData({ busy: false });
    }
  },

  onToggleRaw() {
    this.setData({ showRaw: !this.data.showRaw });
  },
});
