// One thing for sale. It tells the page what to buy; the page owns the one purchase in flight.
Component({
  properties: {
    kind: { type: String, value: 'goods' },
    item: { type: Object, value: {} },
    /** what the row says under the name */
    subtitle: { type: String, value: '' },
    disabled: { type: Boolean, value: false },
  },
  methods: {
    onBuy() {
      this.triggerEvent('buy', { kind: this.data.kind, itemId: this.data.item.id });
    },
  },
});
