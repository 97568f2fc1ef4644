import { describe, expect, it } from 'vitest';
import { miniProgramCsp } from '../../../../core/catalog/page-policy';

/** The media part of the page policy both hosts send (web/app-pages.ts, main/app-protocol.ts build it with this function). */
function directive(csp: string, name: string): string[] {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('page policy for <video> and <audio>', () => {
  it('lets media come from the package, data:/blob: URLs and https servers, as images may', () => {
    const csp = miniProgramCsp({ connect: [], frameAncestors: "'none'" });
    expect(directive(csp, 'media-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
    expect(directive(csp, 'img-src')).toEqual(expect.arrayContaining(['https:']));
  });

  it('keeps plain http media out (a page served over https would block it as mixed content anyway)', () => {
    const csp = miniProgramCsp({ connect: ['ws://127.0.0.1:1'], frameAncestors: 'http://127.0.0.1:1' });
    expect(directive(csp, 'media-src')).not.toContain('http:');
  });
});
