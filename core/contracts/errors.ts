/**
 * The one way a handler reports failure. The dispatcher turns it into
 * `{ errMsg: "<api>:fail <reason>", errno?, errCode? }`; any other thrown value
 * becomes "<api>:fail internal error" and its message goes to the call record only.
 */
export class ApiError extends Error {
  readonly reason: string;
  readonly errno: number | undefined;
  readonly errCode: number | undefined;

  constructor(reason: string, codes: { errno?: number; errCode?: number } = {}) {
    super(reason);
    this.name = 'ApiError';
    this.reason = reason;
    this.errno = codes.errno;
    this.errCode = codes.errCode;
  }

  static cancel(codes: { errno?: number; errCode?: number } = {}): ApiError {
    return new ApiError('cancel', codes);
  }
}

/** WeChat's common errno values used by the shell. */
export const Errno = {
  unknown: 1,
  apiTimeout: 5,
  authDeny: 103,
  scopeUnauthorized: 104,
  /** "privacy permission is not authorized": the user refused what the privacy prompt asked */
  privacyNotAuthorized: 104,
  notDeclared: 102,
  notSupported: 2,
  parameterError: 1001,
  internal: 4,
} as const;

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
