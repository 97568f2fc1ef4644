import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../core/contracts/app';
import { miniProgramRootOf, packageFilePath } from '../../../../core/wechat/serve-paths';

const manifest = (entry: string, format?: 'wechat'): Manifest =>
  ({ appId: 'wxserve0000001', name: 'Serve', version: '1.0.0', entry, permissions: { openApi: [], customApi: [] }, ...(format ? { format } : {}) }) as Manifest;

describe('package paths of a WeChat-format app', () => {
  it('start at the mini program root that miniprogramRoot names', () => {
    const app = manifest('miniprogram/app.json', 'wechat');
    expect(miniProgramRootOf(app)).toBe('miniprogram/');
    expect(packageFilePath('/images/x.png', app)).toBe('/miniprogram/images/x.png');
    expect(packageFilePath('//images/x.png', app)).toBe('/miniprogram/images/x.png');
    expect(packageFilePath('/pages/index/bg%20one.png', app)).toBe('/miniprogram/pages/index/bg%20one.png');
  });

  it('keep a nested root and leave traversal for the catalog to refuse', () => {
    const app = manifest('src/mp/app.json', 'wechat');
    expect(packageFilePath('/a.svg', app)).toBe('/src/mp/a.svg');
    // still raw: resolveInside refuses the ".." segment, as for any other path
    expect(packageFilePath('/../project.config.json', app)).toBe('/src/mp/../project.config.json');
  });

  it("leave the registration's icon where manifest.json names it (the catalog loads it from the app's origin)", () => {
    const app = { ...manifest('miniprogram/app.json', 'wechat'), icon: 'brand icon.svg' } as Manifest;
    expect(packageFilePath('/brand%20icon.svg', app)).toBe('/brand%20icon.svg');
    expect(packageFilePath('/images/x.png', app)).toBe('/miniprogram/images/x.png');
  });

  it('are unchanged at the project root and for web-format apps', () => {
    expect(packageFilePath('/images/x.png', manifest('app.json', 'wechat'))).toBe('/images/x.png');
    expect(packageFilePath('/images/x.png', manifest('web/index.html'))).toBe('/images/x.png');
    expect(packageFilePath('/images/x.png', undefined)).toBe('/images/x.png');
  });
});
