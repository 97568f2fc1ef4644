import { createDecipheriv, createHash, createHmac } from 'node:crypto';

/**
 * What a mini program's SERVER does with WeChat's data, written from WeChat's documentation and
 * deliberately NOT importing the platform: if the platform's crypto drifts, these checks fail.
 */

/** AES-128-CBC decrypt with the key and iv from base64, PKCS#7 padding removed and checked by hand. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- decrypted JSON, asserted on by the tests
export function decryptUserData(encryptedData: string, sessionKey: string, iv: string): any {
  const key = Buffer.from(sessionKey, 'base64');
  if (key.length !== 16) throw new Error(`session_key must decode to 16 bytes, got ${key.length}`);
  const decipher = createDecipheriv('aes-128-cbc', key, Buffer.from(iv, 'base64'));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > 16 || !padded.subarray(padded.length - pad).every((b) => b === pad)) throw new Error('bad PKCS#7 padding');
  return JSON.parse(padded.subarray(0, padded.length - pad).toString('utf8'));
}

export function userInfoSignature(rawData: string, sessionKey: string): string {
  return createHash('sha1').update(rawData + sessionKey).digest('hex');
}

/** JSAPI v2 paySign, the string spelled out in WeChat's documented order (ASCII order of the keys). */
export function jsapiPaySign(
  p: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'MD5' | 'HMAC-SHA256' },
  payKey: string,
): string {
  const text = `appId=${p.appId}&nonceStr=${p.nonceStr}&package=${p.package}&signType=${p.signType}&timeStamp=${p.timeStamp}&key=${payKey}`;
  const hex = p.signType === 'MD5' ? createHash('md5').update(text).digest('hex') : createHmac('sha256', payKey).update(text).digest('hex');
  return hex.toUpperCase();
}

/** How a merchant verifies a notification: every field but `sign`, sorted, joined, keyed HMAC-SHA256. */
export function verifyNotifySign(body: Record<string, unknown>, payKey: string): boolean {
  const text =
    Object.entries(body)
      .filter(([k, v]) => k !== 'sign' && v !== '' && v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&') + `&key=${payKey}`;
  return createHmac('sha256', payKey).update(text).digest('hex').toUpperCase() === body.sign;
}

export function virtualPaySig(appKey: string, signData: string): string {
  return createHmac('sha256', appKey).update('requestVirtualPayment&' + signData).digest('hex');
}

export function virtualUserSignature(sessionKey: string, signData: string): string {
  return createHmac('sha256', sessionKey).update(signData).digest('hex');
}
