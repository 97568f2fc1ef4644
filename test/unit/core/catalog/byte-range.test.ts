import { describe, expect, it } from 'vitest';
import { contentRange, parseByteRange, requestedByteRange, unsatisfiedRange } from '../../../../core/catalog/byte-range';

describe('parseByteRange (one parser for both hosts)', () => {
  it('reads the three single-range forms against the file size, clamping the end to the file', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=7-7', 1000)).toEqual({ start: 7, end: 7 });
    expect(parseByteRange('Bytes=0-0', 1)).toEqual({ start: 0, end: 0 });
  });

  it('calls a well-formed range that selects no byte unsatisfiable (the host answers 416)', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=1000-2000', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-10', 0)).toBe('unsatisfiable');
  });

  it('ignores an absent header, several ranges, another unit and garbage (the whole file is served)', () => {
    for (const header of [undefined, null, '', 'bytes=0-1,5-9', 'bytes=0-1, 5-9', 'items=0-1', 'bytes=', 'bytes=-', 'bytes=a-b', 'bytes=5-2', 'bytes=1.5-2', 'bytes=-1-2', 'bytes 0-1', 'bytes=99999999999999999999-']) {
      expect(parseByteRange(header, 1000), String(header)).toBeUndefined();
    }
  });

  it('applies ranges to GET only and not under If-Range (no validator is ever sent to match it)', () => {
    expect(requestedByteRange({ method: 'GET', range: 'bytes=0-9', ifRange: null }, 100)).toEqual({ start: 0, end: 9 });
    expect(requestedByteRange({ method: 'HEAD', range: 'bytes=0-9', ifRange: null }, 100)).toBeUndefined();
    expect(requestedByteRange({ method: 'GET', range: 'bytes=0-9', ifRange: '"etag"' }, 100)).toBeUndefined();
  });

  it('writes Content-Range for a 206 and a 416', () => {
    expect(contentRange({ start: 0, end: 99 }, 1000)).toBe('bytes 0-99/1000');
    expect(unsatisfiedRange(1000)).toBe('bytes */1000');
  });
});
