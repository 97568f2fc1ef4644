// One product of the catalogue with its Buy button. The card only reports the wish to buy; the page
// owns the order, so two cards can never start two payments at once.
Component({
  options: {
    // .card and the colour variables come from app.wxss
    styleIsolation: 'apply-shared',
  },
  properties: {
    product: { type: Object, value: {} },
    disabled: { type: Boolean, value: false },
  },
  methods: {
    onBuy() {
      this.triggerEvent('buy', { productId: this.data.product.id });
    },
  },
});
