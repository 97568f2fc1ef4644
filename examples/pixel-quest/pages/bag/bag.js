// What the player owns, as the backend last reported it. Reread on every show: purchases happen in the store.
const app = getApp();

/** ["Oak shield", "Crystal sword", "Oak shield"] -> [{ name: "Oak shield", count: 2 }, { name: "Crystal sword", count: 1 }] */
function countByName(names) {
  const counts = new Map();
  for (const name of names) counts.set(name, (counts.get(name) || 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

Page({
  data: {
    coins: 0,
    goodsNames: [],
    items: [],
  },

  onShow() {
    const goodsNames = app.goodsNames();
    this.setData({ coins: app.globalData.inventory.coins, goodsNames, items: countByName(goodsNames) });
  },
});
