import { z } from 'zod';
import { OPEN_API_NAMES } from './apis';
import { ServerDomains } from './network';

/**
 * appIds key plain-object documents everywhere (platform records, grants, stores), where a name such as
 * "constructor" or "toString" would find Object.prototype's member instead of nothing. Compared without
 * case because hosts lower-case appIds for origins.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));

export const AppId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{2,63}$/i, 'appId must be 3-64 letters, digits, "_" or "-", starting with a letter')
  .refine((id) => !PROTOTYPE_NAMES.has(id.toLowerCase()), {
    error: (issue) => `appId "${String(issue.input)}" is reserved (a built-in JavaScript property name): choose another appId`,
  });

const RelativeFile = z
  .string()
  .min(1)
  .max(256)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), {
    message: 'must be a relative path inside the package (no leading "/", no "\\", no "..")',
  });

const CustomApiName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'custom API names are 1-64 letters, digits, "_", "." or "-"');

/** manifest.json at the root of a mini program package */
export const Manifest = z.strictObject({
  appId: AppId,
  name: z.string().min(1).max(40),
  version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'version must be semver, e.g. "1.0.0"'),
  entry: RelativeFile,
  icon: RelativeFile.optional(),
  description: z.string().max(280).optional(),
  developer: z
    .strictObject({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'developer.id is 1-64 letters, digits, "_" or "-"'),
      name: z.string().min(1).max(80),
    })
    .optional(),
  permissions: z
    .strictObject({
      openApi: z.array(z.enum(OPEN_API_NAMES)).default([]),
      customApi: z.array(CustomApiName).default([]),
    })
    .default({ openApi: [], customApi: [] }),
  /**
   * The servers wx.request / connectSocket / uploadFile / downloadFile may reach, per kind (see
   * ServerDomains). Optional: an app without it makes no network calls. A WeChat-format project without
   * manifest.json gets this from its install step.
   */
  domains: ServerDomains.optional(),
  /**
   * Set by the shell, never by a package: "wechat" for a WeChat DevTools project, whose entry is its
   * app.json and whose "/" the hosts serve as the mini program runtime (docs/wechat-format.md).
   */
  format: z.enum(['web', 'wechat']).optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * The optional manifest.json beside a WeChat project's project.config.json: the same registration,
 * where `entry` may be left out (the project's app.json is its entry).
 */
export const WechatProjectManifest = Manifest.extend({ entry: Manifest.shape.entry.optional() });

/** What a handler learns about the calling app. Derived from the installed manifest, never from params. */
export const AppInfo = z.object({
  appId: AppId,
  name: z.string(),
  version: z.string(),
  /** unionid is stable per (user, developerId). Defaults to the appId when the manifest names no developer. */
  developerId: z.string(),
  developerName: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Who is calling: supplied by the host from the transport (view / connection), never from the message. */
export interface CallerIdentity {
  appInfo: AppInfo;
  webViewId: number;
}

export function appInfoFromManifest(m: Manifest): AppInfo {
  return {
    appId: m.appId,
    name: m.name,
    version: m.version,
    developerId: m.developer?.id ?? m.appId,
    ...(m.developer ? { developerName: m.developer.name } : {}),
  };
}
