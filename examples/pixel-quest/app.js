// Pixel Quest Store (WeChat format): virtual goods. The backend (backend/) builds and signs signData (it
// alone holds appKey and the session_key); the store passes the four fields to wx.requestVirtualPayment
// unchanged, then asks the backend what the platform says. Items arrive only on the server's word.
const backend = require('./utils/backend');

App({
  globalData: {
    openid: '',
    /** as the backend last reported it */
    inventory: { coins: 0, goods: [] },
    /** the catalogue, once loaded: { coins: [...packs], goods: [...items] } */
    catalog: null,
  },

  onLaunch() {
    this.signedIn = this.signIn();
    this.signedIn.catch(() => {});
  },

  async signIn() {
    const { code } = await wx.login();
    const answer = await backend.call('POST', '/login', { code });
    backend.useSession(answer.session);
    this.globalData.openid = answer.openid;
    this.globalData.inventory = answer.inventory;
    return answer;
  },

  /** The names of the goods owned, for display. */
  goodsNames() {
    const { catalog, inventory } = this.globalData;
    return inventory.goods.map((id) => {
      const item = catalog && catalog.goods.find((g) => g.id === id);
      return item ? item.name : id;
    });
  },
});
