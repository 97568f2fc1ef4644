export { createAppStorage, CorruptStorageError, storageStoreKey, type AppStorage } from './app-storage';
