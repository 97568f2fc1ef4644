import { describe, expect, it } from 'vitest';
import { serverApiPorts } from '../../../main/network-ports';

describe('ports wx.request never reaches in the desktop host', () => {
  it("is the server API's port while it is on, nothing while it is off", () => {
    expect(serverApiPorts('http://127.0.0.1:43211')).toEqual([43211]);
    expect(serverApiPorts(undefined)).toEqual([]);
  });
});
