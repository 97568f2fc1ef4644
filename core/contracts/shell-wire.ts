import { z } from 'zod';
import { ShellError, ShellEvent } from './shell-api';

/**
 * The browser host's shell channel: the typed shell API carried over one WebSocket
 * (`/ws/shell?token=<token>`, token embedded in the shell page as <meta name="shell-token">).
 * Electron carries the same commands over IPC instead.
 */
export const ShellWireRequest = z.object({
  kind: z.literal('call'),
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(64),
  input: z.unknown(),
});
export type ShellWireRequest = z.infer<typeof ShellWireRequest>;

// A plain union: two members share kind 'result' (told apart by ok), which discriminatedUnion refuses.
export const ShellWireMessage = z.union([
  z.object({ kind: z.literal('result'), id: z.number().int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ kind: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: ShellError }),
  z.object({ kind: z.literal('event'), event: ShellEvent }),
]);
export type ShellWireMessage = z.infer<typeof ShellWireMessage>;

/** Upload of a .zip package from the shell page: POST /shell/upload, header x-shell-token, raw body. */
export const UploadResult = z.object({ source: z.string() });
