import { z } from 'zod';

/**
 * The JSON files of a WeChat DevTools project, as WeChat documents them (developers.weixin.qq.com,
 * "全局配置" / "页面配置" / "项目配置文件"). Objects are loose: WeChat ignores fields it does not know
 * (DevTools only warns), so a real project with extra settings still installs; the fields the shell
 * uses are checked, one line per bad field.
 */

const Color = z.string().regex(/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i, 'must be a hex colour such as "#ffffff"');
/** A package path as app.json writes it: relative to the mini program root, no leading "/", no "..". */
const PackagePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), {
    message: 'must be a path inside the mini program (no leading "/", no "\\", no "..")',
  });
const UsingComponents = z.record(z.string(), z.string().min(1));

/** project.config.json: identity and where the mini program sits in the project folder. */
export const ProjectConfig = z
  .object({
    appid: z.string().optional(),
    projectname: z.string().optional(),
    miniprogramRoot: z.string().optional(),
    compileType: z.string().optional(),
  })
  .loose();
export type ProjectConfig = z.infer<typeof ProjectConfig>;

/** The window options app.json's `window` and every page's .json share. */
const windowShape = {
  navigationBarBackgroundColor: Color.optional(),
  navigationBarTextStyle: z.enum(['black', 'white']).optional(),
  navigationBarTitleText: z.string().optional(),
  navigationStyle: z.enum(['default', 'custom']).optional(),
  backgroundColor: Color.optional(),
  backgroundColorTop: Color.optional(),
  backgroundColorBottom: Color.optional(),
  backgroundTextStyle: z.enum(['dark', 'light']).optional(),
  enablePullDownRefresh: z.boolean().optional(),
  onReachBottomDistance: z.number().nonnegative().optional(),
  pageOrientation: z.enum(['portrait', 'landscape', 'auto']).optional(),
  /** WeChat's initial rendering cache: the page's initial-data render shown at once on the next open */
  initialRenderingCache: z.enum(['static', 'dynamic']).optional(),
};

/** WeChat's documented defaults, filled in so the runtime never guesses. */
export const WINDOW_DEFAULTS = {
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  navigationBarTitleText: '',
  navigationStyle: 'default',
  backgroundColor: '#ffffff',
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: false,
  onReachBottomDistance: 50,
} as const;

const AppWindow = z.object(windowShape).loose();

const TabBarItem = z
  .object({
    pagePath: PackagePath,
    text: z.string(),
    iconPath: PackagePath.optional(),
    selectedIconPath: PackagePath.optional(),
  })
  .loose();

const TabBar = z
  .object({
    color: Color,
    selectedColor: Color,
    backgroundColor: Color,
    borderStyle: z.enum(['black', 'white']).default('black'),
    list: z.array(TabBarItem).min(2, 'a tabBar needs 2 to 5 items').max(5, 'a tabBar needs 2 to 5 items'),
    position: z.enum(['bottom', 'top']).default('bottom'),
    custom: z.boolean().default(false),
  })
  .loose();

const Subpackage = z
  .object({
    root: PackagePath,
    name: z.string().optional(),
    pages: z.array(PackagePath),
    independent: z.boolean().optional(),
  })
  .loose();

/** app.json at the mini program root. */
export const AppJson = z
  .object({
    pages: z.array(PackagePath).min(1, 'app.json must list at least one page'),
    entryPagePath: PackagePath.optional(),
    window: AppWindow.optional(),
    tabBar: TabBar.optional(),
    subpackages: z.array(Subpackage).optional(),
    subPackages: z.array(Subpackage).optional(),
    usingComponents: UsingComponents.optional(),
    style: z.string().optional(),
    sitemapLocation: z.string().optional(),
  })
  .loose();
export type AppJson = z.infer<typeof AppJson>;

/** A page's or component's .json: window overrides for pages, component options for components. */
export const ComponentJson = z
  .object({
    ...windowShape,
    usingComponents: UsingComponents.optional(),
    component: z.boolean().optional(),
    styleIsolation: z.enum(['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared']).optional(),
    disableScroll: z.boolean().optional(),
    componentGenerics: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type ComponentJson = z.infer<typeof ComponentJson>;

/** app.json with the defaults the runtime relies on: entryPagePath, window, one subpackage list. */
export function withAppDefaults(app: AppJson): AppJson {
  const subpackages = [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
  return {
    ...app,
    entryPagePath: app.entryPagePath ?? app.pages[0],
    window: { ...WINDOW_DEFAULTS, ...app.window },
    subpackages,
    subPackages: undefined,
  };
}

/** Every page of the app, main package first, then subpackage pages prefixed with their root. */
export function allPages(app: AppJson): string[] {
  const subs = [...(app.subpackages ?? []), ...(app.subPackages ?? [])];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))];
}
