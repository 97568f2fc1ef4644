import { defineBuiltin } from './registry';

/** <view>: a block container; everything it needs is in view.css and the generic attribute rules */
defineBuiltin({ tag: 'view', create: () => ({ element: document.createElement('wx-view') }) });
