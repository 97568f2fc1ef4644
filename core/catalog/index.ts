export { createCatalog, parseManifest } from './catalog';
export { resolveInside } from './safe-path';
export { describeIssues } from './manifest-errors';
