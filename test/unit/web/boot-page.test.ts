import { describe, expect, it } from 'vitest';
import { BootConfig } from '../../../client/transports/boot-config';
import { injectBoot } from '../../../web/boot-page';

const config: BootConfig = {
  v: 1,
  viewId: 7,
  token: 'x'.repeat(43),
  wsUrl: 'ws://shop.localhost:7300/ws/bridge',
  storageMirror: { evil: '</script><script>alert(1)</script>', n: 1 },
};

/** Position of the host's markup and of the page's first own <script>. */
function positions(html: string) {
  const out = injectBoot(html, config);
  const boot = out.indexOf('<script type="application/json" id="__superapp_boot__">');
  const wx = out.indexOf('<script src="/__superapp__/wx.js"></script>');
  const own = out.toLowerCase().indexOf('<script', wx + 1);
  return { out, boot, wx, own };
}

describe('boot config injection', () => {
  const pages: Record<string, string> = {
    'doctype + head with an inline script': '<!doctype html><html lang="en"><head><script>var first = 1</script><title>x</title></head><body></body></html>',
    'a script before <head>': '<!DOCTYPE html>\n<html>\n<script src="early.js"></script><head></head><body></body></html>',
    'no html or head at all': '<script>var first = 1</script><p>hi</p>',
    'comments and a BOM first': '\uFEFF<!-- built --><!doctype html><!-- x --><html><head><meta charset="utf-8"><script src="a.js"></script></head></html>',
    'an uppercase HEAD with attributes': '<HTML><HEAD data-x="1"><SCRIPT>1</SCRIPT></HEAD></HTML>',
  };

  for (const [name, html] of Object.entries(pages)) {
    it(`puts the boot block and wx.js before the page's first script: ${name}`, () => {
      const { out, boot, wx, own } = positions(html);
      expect(boot).toBeGreaterThanOrEqual(0);
      expect(wx).toBeGreaterThan(boot);
      expect(own).toBeGreaterThan(wx);
      // the page itself is untouched apart from the insertion
      expect(out.replace(/<script type="application\/json"[^]*?<\/script><script src="\/__superapp__\/wx\.js"><\/script>/, '')).toBe(html);
    });
  }

  it('keeps the doctype first so the page stays in standards mode', () => {
    expect(positions('<!doctype html><html><head></head></html>').out.startsWith('<!doctype html><html><head><script')).toBe(true);
  });

  it('cannot be broken out of by storage data, and reads back as the same config', () => {
    const { out } = positions('<html><head></head></html>');
    const block = /<script type="application\/json" id="__superapp_boot__">(.*?)<\/script>/.exec(out)![1]!;
    expect(block).not.toContain('<');
    expect(BootConfig.parse(JSON.parse(block))).toEqual(config);
  });
});
