import { lengthAttr } from './attr-values';
import { imageSource } from './image-source';
import { defineBuiltin } from './registry';

/**
 * <cover-view> and <cover-image>: on WeChat they are the only things drawn over native components (video,
 * map, canvas). Here every component is in the page's DOM, so they are a view and an image that stack above
 * their siblings (components.css gives them their own layer); that keeps pages written for WeChat looking
 * the same. cover-view's `scroll-top` (px, or "…rpx" / "…px") scrolls it when its style lets it scroll
 * (overflow-y: scroll).
 */
defineBuiltin({
  tag: 'cover-view',
  create: () => {
    const element = document.createElement('wx-cover-view');
    return {
      element,
      set(attr, value) {
        if (attr === 'scroll-top') {
          // after the batch that filled it
          requestAnimationFrame(() => element.scrollTo({ top: lengthAttr(value, 0) }));
          return true;
        }
        return attr === 'marker-id' || attr === 'slot';
      },
    };
  },
});

/** <cover-image>: the image's own size unless the page sizes it; load {width, height}, error {errMsg}. */
defineBuiltin({
  tag: 'cover-image',
  create: (ctx) => {
    const element = document.createElement('wx-cover-image');
    const img = document.createElement('img');
    element.append(img);
    const setSrc = imageSource(ctx, img);
    return {
      element,
      children: document.createElement('span'),
      set(attr, value) {
        if (attr !== 'src') return attr === 'referrer-policy' || attr === 'aria-role';
        setSrc(value);
        return true;
      },
    };
  },
});
