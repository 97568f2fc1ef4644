// Tea Shop (WeChat format). The mini program never decides a price or signs anything: its merchant
// backend (../backend) creates each order and signs the wx.requestPayment params. The app signs in once
// at launch; pages wait for that through getApp().signedIn.
const backend = require('./utils/backend');

App({
  globalData: {
    openid: '',
    /** this session's orders, newest first: { outTradeNo, product, payment, payResult, tradeState, notified } */
    orders: [],
  },

  onLaunch() {
    this.signedIn = this.signIn();
    // A page that never awaits the promise must not turn a failed sign-in into an unhandled rejection.
    this.signedIn.catch(() => {});
  },

  async signIn() {
    const { code } = await wx.login();
    const answer = await backend.call('POST', '/login', { code });
    backend.useSession(answer.session);
    this.globalData.openid = answer.openid;
    return answer;
  },

  order(outTradeNo) {
    return this.globalData.orders.find((o) => o.outTradeNo === outTradeNo);
  },
});
