// The player's wallet as the backend last reported it. Whatever the page puts inside goes on the right.
Component({
  properties: {
    coins: { type: Number, value: 0 },
    goods: { type: Array, value: [] },
  },
});
