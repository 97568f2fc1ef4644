export { createDispatcher, type DispatcherDeps } from './dispatcher';
export { createRoutes, type HostRequest, type RouteDeps, type RouteTable } from './routes';
export { DEFAULT_HANDLER_TIMEOUT_MS, DEFAULT_PROMPT_TIMEOUT_MS, timeLimitFor, type TimeLimits } from './time-limit';
export { describeParamIssues } from '../contracts/param-errors';
export { readEnvelope } from './envelope';
export { systemInfo, SHELL_PRODUCT_NAME, SDK_VERSION } from './system-info';
