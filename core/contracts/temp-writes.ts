import { z } from 'zod';
import { TEMP_WRITE_CHUNK_BYTES } from './temp-write-limits';

/** __writeTempFile's wire shapes; what the call is for, and its limits, are in temp-write-limits.ts */

const BASE64_CHUNK_CHARS = Math.ceil(TEMP_WRITE_CHUNK_BYTES / 3) * 4;

export const TempFileType = z.enum(['png', 'jpg']);
export type TempFileType = z.infer<typeof TempFileType>;

export const WriteTempFileParams = z.object({
  data: z
    .string()
    .max(BASE64_CHUNK_CHARS, `data must be at most ${TEMP_WRITE_CHUNK_BYTES} bytes (as base64) per call`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'data must be base64'),
  fileType: TempFileType,
  /** a file an earlier call of this app began and did not finish: the data is appended to it */
  tempFilePath: z.string().min(1).max(4096).optional(),
  /** false: more pieces follow (default true: the file is complete) */
  last: z.boolean().default(true),
  /** with tempFilePath: remove that unfinished file instead of writing (the page could not finish it) */
  discard: z.boolean().optional(),
});
export type WriteTempFileParams = z.output<typeof WriteTempFileParams>;

export const WriteTempFileResult = z.object({ tempFilePath: z.string(), size: z.number().int().nonnegative() });
