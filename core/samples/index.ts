export { findSampleFolders, seedSamplesOnFirstStart, type SampleFolder, type SampleLog, type SeedOptions } from './sample-folders';
export {
  backendBundleFile,
  findBackendEntry,
  findSampleBackends,
  hasBackend,
  startMerchantBackend,
  type BackendRegistration,
  type BackendSource,
  type SampleBackend,
  type StartedBackend,
} from './merchant-backends';
export { backendExtConfig } from './ext-config';
