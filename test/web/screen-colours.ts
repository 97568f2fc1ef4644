import type { Locator, Page } from '@playwright/test';

export type Rgba = [number, number, number, number];

/**
 * The colours at CSS-px points of what `element` shows on screen: a screenshot in CSS px, decoded and read back
 * in the page (what the user sees, whatever drew it: a canvas, an <image> of an exported file).
 */
export async function colours(page: Page, element: Locator, points: Array<[number, number]>): Promise<Rgba[]> {
  const png = (await element.screenshot({ animations: 'disabled', scale: 'css' })).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const probe = document.createElement('canvas');
      probe.width = img.naturalWidth;
      probe.height = img.naturalHeight;
      const ctx = probe.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return points.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data) as [number, number, number, number]);
    },
    { png, points },
  );
}
