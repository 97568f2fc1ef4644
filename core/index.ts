/**
 * The integrator API of Superapp Shell. Hosts build on createRuntime; an integrator's own code needs only
 * the contracts (OpenApiHandler, MiniApiCall, ApiError, zod schemas and inferred types) and createShell.
 */
export * from './contracts';
export { createShell } from './shell';
export { createRuntime, DEFAULT_KEEP_ALIVE } from './runtime';
export { createEmbeddedPlatform } from './platform';
export type { Integration } from './integration';
