import { parseArgs } from 'node:util';
import { startWebHost } from './host';

/**
 * `npm run web` — the browser host: the developer simulator and end-to-end test bed.
 *   --port <n>         default 7300 (0 picks a free one)
 *   --data-dir <dir>   default ./.data/web
 *   --app <folder>     a mini program under development; repeatable; reloads on change
 *   --allow-loopback <origin>  a local server the dev apps may reach with wx.request (e.g. http://127.0.0.1:3000); repeatable
 *   --open             open the shell in the default browser
 *   --keep-alive <n>   background apps kept running (default 3)
 *   --quiet            print only the URL and errors
 */
const USAGE = 'Usage: node dist/web/server.js [--port 7300] [--data-dir ./.data/web] [--app <folder>]... [--allow-loopback <origin>]... [--open] [--keep-alive 3] [--quiet]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function intOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) fail(`--${name} must be a whole number from 0 to ${max}, not "${value}".`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        app: { type: 'string', multiple: true },
        'allow-loopback': { type: 'string', multiple: true },
        open: { type: 'boolean' },
        'keep-alive': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = intOption('port', values.port, 7300, 65535);
  const keepAlive = intOption('keep-alive', values['keep-alive'], 3, 50);

  let host;
  try {
    host = await startWebHost({
      port,
      dataDir: values['data-dir'] ?? './.data/web',
      apps: values.app ?? [],
      allowLoopback: values['allow-loopback'] ?? [],
      openBrowser: values.open ?? false,
      keepAlive,
      quiet: values.quiet ?? false,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') fail(`Port ${port} is already in use. Stop the other server or pass --port <another port> (0 picks a free one).`);
    console.error(`The browser host could not start: ${err.message}`);
    process.exit(1);
  }
  if (values.quiet) console.log(host.url);

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
