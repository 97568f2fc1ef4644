/** What `fail` receives (and a Promise rejects with). */
export interface WxFailResult {
  errMsg: string;
  errno?: number;
  errCode?: number;
}

export interface WxCallbacks<S> {
  success?: (result: S) => void;
  fail?: (result: WxFailResult) => void;
  complete?: (result: S | WxFailResult) => void;
}

