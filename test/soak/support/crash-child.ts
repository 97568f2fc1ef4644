/**
 * The process the crash soak kills. It runs the real embedded platform and wx storage on a data folder
 * (SQLite file) and prints one line per event to stdout; the parent reads them:
 *   ORDER <outTradeNo> <fee>       an order was created (server API), about to be paid
 *   ACK paid <outTradeNo> <fee>    requestPayment answered ok (what the app was told)
 *   ACK vpaid <outTradeNo> <fee>   requestVirtualPayment answered ok
 *   ACK storage <key> <value>      setStorage answered ok
 *   FAIL <what> <errMsg>           a call failed (the disk-full round expects these)
 *   REPAY <outTradeNo> <errMsg>    an order of an earlier run paid again: must be refused if it was paid
 *   NOTIFIED <outTradeNo>          the merchant's notification was delivered
 *   CRASH <label>                  the injected kill happens now
 *   STATE <json>                   (verify mode) the platform's view after the restart
 * Modes (argv[3]): "work" (run until killed), "verify" (restart, report, exit).
 * Env: CRASH_AT="<write label>#<n>" kills this process with SIGKILL right after the n-th write with that
 * label (inside its transaction, or "commit"); FREEZE_AFTER=<n> makes the disk "full" after n operations.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { appInfoFromManifest, type AppInfo } from '../../../core/contracts/app';
import { ApiError } from '../../../core/contracts/errors';
import { systemClock } from '../../../core/contracts/ports';
import type { HostServices } from '../../../core/contracts/services';
import { createConsentLedger } from '../../../core/consent/ledger';
import { openSqliteDataStore } from '../../../core/persistence/sqlite-data-store';
import { createEmbeddedPlatform } from '../../../core/platform';
import { hmacSha256, payV2Sign } from '../../../core/platform/wx-crypto';
import { createAppStorage } from '../../../core/storage/app-storage';

const [dataDir, mode] = process.argv.slice(2) as [string, 'work' | 'verify'];
const say = (line: string) => process.stdout.write(`${line}\n`);

const crashAt = process.env.CRASH_AT?.match(/^(.+)#(\d+)$/);
let seen = 0;
const data = openSqliteDataStore(join(dataDir, 'superapp-data.db'), {
  afterWrite(what) {
    if (crashAt && what === crashAt[1] && ++seen === Number(crashAt[2])) {
      say(`CRASH ${what}`); // stdout to a pipe is synchronous on Linux: the parent sees this line
      process.kill(process.pid, 'SIGKILL');
    }
  },
});

const APP: AppInfo = appInfoFromManifest({
  appId: 'shopA',
  name: 'Shop A',
  version: '1.0.0',
  entry: 'index.html',
  developer: { id: 'acme', name: 'Acme' },
  permissions: { openApi: [], customApi: [] },
});
const prefs = new Map<string, unknown>();
const services: HostServices = {
  store: { get: (k) => prefs.get(k), set: (k, v) => void prefs.set(k, v), delete: (k) => void prefs.delete(k) },
  data,
  clock: systemClock,
  ledger: createConsentLedger(data, systemClock),
  prompter: { ask: async () => ({ confirmed: true }) },
  appInfo: (id) => (id === APP.appId ? APP : undefined),
};
const notified = new Set<string>();
const platform = createEmbeddedPlatform(services, {
  notifier: async (_url, body) => {
    notified.add(String(body.out_trade_no));
    say(`NOTIFIED ${String(body.out_trade_no)}`);
  },
});
const storage = createAppStorage(data);
const reg = platform.registerApp(APP);
const routes = platform.serverRoutes();
const server = async (path: string, input: Record<string, unknown>) => {
  const r = await routes.find((x) => x.path === path)!.run({ appid: APP.appId, secret: reg.appSecret, ...input });
  return r.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const errMsgOf = (api: string, e: unknown) => (e instanceof ApiError ? `${api}:fail ${e.reason}` : `${api}:fail internal error (${String(e)})`);

/** What a merchant server and a mini program do for one payment: create, sign, request. */
async function pay(outTradeNo: string, prepayId: string): Promise<void> {
  const fields = { appId: APP.appId, timeStamp: String(Math.floor(Date.now() / 1000)), nonceStr: 'n0nce', package: `prepay_id=${prepayId}`, signType: 'HMAC-SHA256' as const };
  await platform.requestPayment(APP, { ...fields, paySign: payV2Sign(fields, reg.payKey, 'HMAC-SHA256') });
}

async function virtualPay(outTradeNo: string, quantity: number): Promise<void> {
  const { code } = await platform.login(APP, {});
  const { session_key: sessionKey } = await server('/v1/sns/jscode2session', { js_code: code, grant_type: 'authorization_code' });
  const signData = JSON.stringify({ offerId: 'o1', buyQuantity: quantity, env: 0, currencyType: 'CNY', outTradeNo });
  await platform.requestVirtualPayment(APP, {
    mode: 'short_series_coin',
    signData,
    paySig: hmacSha256(reg.appKey, `requestVirtualPayment&${signData}`).toString('hex'),
    signature: hmacSha256(sessionKey, signData).toString('hex'),
  });
}

type OrderDoc = Record<string, Record<string, { state: string; prepayId: string; totalFee: number }>>;

async function work(): Promise<void> {
  // An earlier run may have been killed anywhere: every unpaid order it left is paid now, and the last
  // paid ones are paid again, which must be refused (a double debit otherwise).
  const earlier = Object.entries(((data.get('platform:orders') as OrderDoc) ?? {})[APP.appId] ?? {});
  const unpaid = earlier.filter(([, o]) => o.state !== 'SUCCESS');
  const paid = earlier.filter(([, o]) => o.state === 'SUCCESS').slice(-5);
  for (const [no, o] of [...unpaid, ...paid]) {
    try {
      await pay(no, o.prepayId);
      say(`ACK paid ${no} ${o.totalFee}`);
    } catch (e) {
      say(`REPAY ${no} ${errMsgOf('requestPayment', e)}`);
    }
  }
  const freezeAfter = Number(process.env.FREEZE_AFTER ?? Infinity);
  const run = createHash('sha1').update(`${process.pid}-${Date.now()}`).digest('hex').slice(0, 8);
  for (let i = 0; ; i++) {
    if (i === freezeAfter) data.freezeSizeForFaultInjection();
    const id = `${run}-${i}`;
    const fee = 1 + ((i * 37) % 500);
    switch (i % 3) {
      case 0: {
        const created = await server('/v1/pay/unifiedorder', { out_trade_no: id, description: 'tea', total_fee: fee, notify_url: 'http://127.0.0.1:9/notify' });
        if (!created.prepay_id) {
          say(`FAIL unifiedorder ${String(created.errmsg)}`);
          break;
        }
        say(`ORDER ${id} ${fee}`);
        try {
          await pay(id, created.prepay_id);
          say(`ACK paid ${id} ${fee}`);
        } catch (e) {
          say(`FAIL pay ${errMsgOf('requestPayment', e)}`);
        }
        break;
      }
      case 1: {
        // values of a few KB so that the database has to grow (and a frozen one fills up)
        const value = `${id}:${'v'.repeat(1000 + ((i * 131) % 6000))}`;
        try {
          storage.set(APP.appId, `k-${id}`, value);
          say(`ACK storage k-${id} ${value.length}`);
        } catch (e) {
          say(`FAIL storage ${errMsgOf('setStorage', e)}`);
        }
        break;
      }
      default: {
        try {
          await virtualPay(`v-${id}`, 1 + (i % 4));
          say(`ACK vpaid v-${id} ${10 * (1 + (i % 4))}`);
        } catch (e) {
          say(`FAIL vpay ${errMsgOf('requestVirtualPayment', e)}`);
        }
      }
    }
  }
}

async function verify(): Promise<void> {
  // the outbox of the killed run is delivered by this start; wait until it is empty
  for (let i = 0; i < 200 && Object.keys((data.get('platform:outbox') as object) ?? {}).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
  const orders: Record<string, { state: string; fee: number }> = {};
  for (const no of Object.keys(((data.get('platform:orders') as OrderDoc) ?? {})[APP.appId] ?? {})) {
    const q = await server('/v1/pay/orderquery', { out_trade_no: no });
    orders[no] = { state: q.order.trade_state, fee: q.order.total_fee };
  }
  const virtualOrders: Record<string, { state: string; fee: number }> = {};
  const vdoc = ((data.get('platform:virtualOrders') as OrderDoc) ?? {})[APP.appId] ?? {};
  for (const no of Object.keys(vdoc)) {
    const q = await server('/v1/xpay/queryorder', { out_trade_no: no });
    virtualOrders[no] = { state: q.order.trade_state, fee: q.order.total_fee };
  }
  const wallet = platform.getWallet();
  say(
    `STATE ${JSON.stringify({
      balance: wallet.balance,
      history: wallet.history.map((h) => ({ no: h.outTradeNo, amount: h.amount, kind: h.kind })),
      orders,
      virtualOrders,
      storage: Object.fromEntries(Object.entries(storage.snapshot(APP.appId)).map(([k, v]) => [k, String(v).length])),
      outbox: Object.keys((data.get('platform:outbox') as object) ?? {}),
      notified: [...notified],
    })}`,
  );
  data.close();
}

await (mode === 'verify' ? verify() : work());
