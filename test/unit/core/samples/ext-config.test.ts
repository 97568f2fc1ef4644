import { describe, expect, it } from 'vitest';
import { backendExtConfig } from '../../../../core/samples';

describe('backendExtConfig', () => {
  it('names the running backend, and nothing when there is none', () => {
    expect(backendExtConfig('http://127.0.0.1:4100')).toEqual({ backendUrl: 'http://127.0.0.1:4100' });
    expect(backendExtConfig(undefined)).toEqual({});
  });
});
