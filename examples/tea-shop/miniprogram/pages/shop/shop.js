// The catalogue. Buy asks the backend to create the order (the backend prices it), then opens the order
// page, which asks for the payment.
const backend = require('../../utils/backend');

const app = getApp();

Page({
  data: {
    products: [],
    signinText: 'Signing in…',
    signedIn: false,
    busy: false,
    error: '',
  },

  onLoad() {
    backend
      .call('GET', '/products')
      .then(({ products }) => this.setData({ products }))
      .catch((e) => this.setData({ error: e.message }));
    app.signedIn.then(
      (answer) => this.setData({ signedIn: true, signinText: `Signed in as ${answer.openid.slice(0, 8)}…` }),
      (e) => this.setData({ signinText: 'Not signed in', error: e.message }),
    );
  },

  async onBuy(e) {
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    try {
      await app.signedIn;
      const order = await backend.call('POST', '/orders', { productId: e.detail.productId });
      app.globalData.orders.unshift({
        outTradeNo: order.outTradeNo,
        product: order.product,
        payment: order.payment,
        created: order,
        payResult: '',
        tradeState: '',
        notified: false,
      });
      await new Promise((resolve, reject) => {
        wx.navigateTo({ url: `/pages/order/order?outTradeNo=${encodeURIComponent(order.outTradeNo)}`, success: resolve, fail: reject });
      });
    } catch (err) {
      this.setData({ error: err.message || err.errMsg });
    } finally {
      this.setData({ busy: false });
    }
  },
});
