import { ApiError } from '../contracts/errors';

/**
 * WeChat's errno values for FileSystemManager failures (the "错误" table of each FileSystemManager method,
 * e.g. FileSystemManager.readFile); the dispatcher sends them as `errno` next to errMsg.
 */
export const FileErrno = {
  operationNotPermitted: 1300001,
  noSuchFile: 1300002,
  permissionDenied: 1300013,
  notADirectory: 1300020,
  invalidArgument: 1300022,
  directoryNotEmpty: 1300066,
  storageLimitExceeded: 1300202,
  base64EncodeError: 1300203,
  illegalOnDirectory: 1301003,
  alreadyExists: 1301005,
  lengthOutOfRange: 1301006,
  offsetOutOfRange: 1301007,
} as const;

/** WeChat's wording for a full file store (errno 1300202) */
export const STORAGE_LIMIT_REASON = 'the maximum size of the file storage limit is exceeded';

export const fileError = (reason: string, errno: number): ApiError => new ApiError(reason, { errno });
