export { createCustomApiRegistry, miniApiCall, type CustomApiRegistry } from './registry';
