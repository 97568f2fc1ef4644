// One order: asks for the payment once when the order is new, then shows the order as the SERVER sees
// it (trade state from the platform, and whether the platform's signed "paid" notification arrived).
const backend = require('../../utils/backend');

const app = getApp();
const WAITING = 'waiting for you to confirm…';

function requestPayment(payment) {
  // Both outcomes are answers to show: success and fail results both carry errMsg.
  return wx.requestPayment(payment).then(
    (res) => res,
    (err) => err,
  );
}

Page({
  data: {
    order: null,
    payResult: '',
    tradeState: '',
    notified: '',
    paying: false,
    canPay: false,
    showRaw: false,
    rawText: '',
    error: '',
  },

  onLoad(query) {
    this.raw = {};
    this.order = app.order(query.outTradeNo);
    if (!this.order) {
      this.setData({ error: `no order ${query.outTradeNo} in this session` });
      return;
    }
    this.show();
    this.record('order', this.order.created);
    if (!this.order.payResult) this.pay();
  },

  onPullDownRefresh() {
    this.refresh()
      .catch((e) => this.setData({ error: e.message }))
      .then(() => wx.stopPullDownRefresh());
  },

  show() {
    const o = this.order;
    this.setData({
      order: { outTradeNo: o.outTradeNo, name: o.product.name, price: o.product.price },
      payResult: o.payResult,
      tradeState: o.tradeState,
      notified: o.tradeState ? (o.notified ? 'yes' : 'not yet') : '',
      canPay: !this.data.paying && o.tradeState !== 'SUCCESS' && o.payResult !== '',
    });
  },

  record(name, value) {
    this.raw[name] = value;
    this.setData({ rawText: JSON.stringify(this.raw, null, 2) });
  },

  async pay() {
    this.setData({ paying: true, error: '', payResult: WAITING, canPay: false });
    try {
      const result = await requestPayment(this.order.payment);
      this.record('requestPayment', result);
      this.order.payResult = result.errMsg;
      this.setData({ paying: false });
      this.show();
      let status = await this.refresh();
      // The platform sends its paid notification after the payment finishes: a few bounded looks.
      for (let i = 0; status.tradeState === 'SUCCESS' && !status.notified && i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        status = await this.refresh();
      }
    } catch (e) {
      this.setData({ error: e.message });
    } finally {
      this.setData({ paying: false });
      this.show();
    }
  },

  async refresh() {
    const status = await backend.call('GET', `/orders/${encodeURIComponent(this.order.outTradeNo)}`);
    this.record('orderquery', status);
    this.order.tradeState = status.tradeState;
    this.order.notified = status.notified;
    this.show();
    return status;
  },

  onRefreshTap() {
    this.setData({ error: '' });
    this.refresh().catch((e) => this.setData({ error: e.message }));
  },

  onPayTap() {
    if (!this.data.paying) this.pay();
  },

  onToggleRaw() {
    this.setData({ showRaw: !this.data.showRaw });
  },
});
