export { createAppFiles, FILE_STORAGE_LIMIT_BYTES, type AppFiles, type AppFilesOptions } from './app-files';
export { USER_DATA_PATH, SAVED_FILE_PREFIX } from './file-paths';
