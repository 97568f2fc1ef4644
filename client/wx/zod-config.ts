import * as z from 'zod/mini';
import { en } from 'zod/locales';

/*
 * How zod runs in a mini program frame, set once for the client's schemas (zod/mini, to keep wx.js small).
 *  - jitless: zod would otherwise probe for eval with `new Function` when the first schema is built. A
 *    mini program page's policy forbids eval, so in every frame that probe failed and Chromium reported a
 *    Content-Security-Policy violation (a console error the developer did not cause, and work before the
 *    page's own scripts). The schemas the client parses are small; the interpreted path is enough.
 *  - English messages: zod/mini loads none of its own ("Invalid input" for everything). With them (3 KB) a
 *    malformed answer from the host reads "bridge error: … (ok: Invalid input: expected boolean, received
 *    undefined)", as with the full zod. The host, which loads the full zod, uses the same messages. They are
 *    made on the first issue, not at load: building them cost every launch about 6 ms in a fresh renderer.
 */
let english: z.core.$ZodErrorMap | undefined;
z.config({ jitless: true, localeError: (issue) => (english ??= en().localeError)(issue) });
