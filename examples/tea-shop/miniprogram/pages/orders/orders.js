// This session's orders, newest first; each opens its order page. Reread on every show, since orders
// change while this tab is hidden.
const app = getApp();

Page({
  data: {
    orders: [],
  },

  onShow() {
    this.setData({
      orders: app.globalData.orders.map((o) => ({
        outTradeNo: o.outTradeNo,
        name: o.product.name,
        price: o.product.price,
        state: o.tradeState || o.payResult || 'not paid yet',
      })),
    });
  },
});
