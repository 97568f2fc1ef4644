import { CUSTOM_TAB_BAR_SLOT } from '../../protocol';

/**
 * The element a tab page's custom tab bar lives in (app.json tabBar.custom). view.css keeps it at the
 * bottom of the page's frame and makes it the containing block of what the bar positions `fixed`
 * (WeChat's docs recommend a fixed bar at the bottom). Such a bar takes no room in the flow, so the slot
 * takes the height of the bar's tallest element: the end of the page is never hidden under it, as a
 * page's content ends above WeChat's own tab bar.
 */
export function createCustomTabBarSlot(): HTMLElement {
  const slot = document.createElement(CUSTOM_TAB_BAR_SLOT);
  const fit = () => {
    let tallest = 0;
    for (const el of slot.querySelectorAll<HTMLElement>('*')) tallest = Math.max(tallest, el.offsetHeight);
    slot.style.minHeight = `${tallest}px`;
  };
  const sizes = new ResizeObserver(fit);
  new MutationObserver(() => {
    for (const el of slot.querySelectorAll('*')) sizes.observe(el);
    fit();
  }).observe(slot, { childList: true, subtree: true });
  return slot;
}
