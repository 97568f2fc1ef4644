/** a view call's answer; `transfer` moves objects (OffscreenCanvas, ImageBitmap) to the Worker instead of copying them */
export interface TransferringOutcome {
  ok: boolean;
  result: Record<string, unknown> & { errMsg: string };
  transfer?: Transferable[];
}

export type CanvasCallHandler = (params: Record<string, unknown>) => Promise<TransferringOutcome>;
