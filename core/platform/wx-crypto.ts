import { createCipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The WeChat-compatible algorithms the platform signs and encrypts with, so that mini program
 * server code written for WeChat verifies our output unchanged. All of it is node:crypto.
 */

export type RandomBytes = (bytes: number) => Buffer;

export function randomHex(random: RandomBytes, bytes: number): string {
  return random(bytes).toString('hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Letters and digits, like a WeChat Pay API key. Rejection sampling keeps every character equally likely. */
export function randomAlphanumeric(random: RandomBytes, length: number): string {
  const limit = 256 - (256 % ALNUM.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += ALNUM[byte % ALNUM.length];
    }
  }
  return out;
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** String keys are used as their UTF-8 bytes, which is what WeChat's examples (and Node's createHmac) do. */
export function hmacSha256(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

export function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/**
 * WeChat Pay v2 signature: non-empty fields sorted by ASCII key, "k=v" joined with "&",
 * then "&key=<payKey>"; MD5 or HMAC-SHA256 (keyed by the payKey), uppercase hex.
 */
export function payV2Sign(fields: Record<string, string | number | undefined>, payKey: string, signType: 'MD5' | 'HMAC-SHA256'): string {
  const plain =
    Object.keys(fields)
      .filter((k) => k !== 'sign' && fields[k] !== undefined && fields[k] !== '')
      .sort()
      .map((k) => `${k}=${fields[k]}`)
      .join('&') + `&key=${payKey}`;
  const digest = signType === 'MD5' ? createHash('md5').update(plain, 'utf8').digest('hex') : createHmac('sha256', payKey).update(plain, 'utf8').digest('hex');
  return digest.toUpperCase();
}

/** AES-128-CBC with PKCS#7 padding (Node's default), key = the base64-decoded session_key. */
export function encryptUserData(sessionKeyBase64: string, iv: Buffer, plaintext: string): string {
  const key = Buffer.from(sessionKeyBase64, 'base64');
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * Constant-time text comparison. Both sides are hashed first so that neither the content
 * nor the length of the expected value leaks through timing.
 */
export function sameText(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
