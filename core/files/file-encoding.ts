import type { FileEncoding } from '../contracts/files';
import { FileErrno, fileError } from './file-errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A string the app writes, as bytes in `encoding` (WeChat's default: utf8). Node's Buffer knows every encoding
 * WeChat lists, with WeChat's meaning ("binary" is latin1, the ucs2 family little-endian). Base64 that is not
 * base64 fails as WeChat's "base64 encode error" rather than being decoded leniently into other bytes.
 */
export function bytesOf(data: string, encoding: FileEncoding = 'utf8'): Uint8Array {
  if (encoding === 'base64' && !BASE64.test(data.replace(/\s+/g, ''))) throw fileError('base64 encode error', FileErrno.base64EncodeError);
  if (encoding === 'hex' && !/^([0-9a-fA-F]{2})*$/.test(data)) throw fileError('hex encode error: the data is not hexadecimal', FileErrno.invalidArgument);
  const buffer = Buffer.from(data, encoding);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** bytes read, as the string the app asked for; without an encoding, base64 for the wire (the client makes it an ArrayBuffer) */
export function textOf(bytes: Uint8Array, encoding: FileEncoding | undefined): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding ?? 'base64');
}
