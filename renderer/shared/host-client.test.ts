import { describe, expect, it } from 'vitest';
import { hostSocketUrl, splitToken } from './host-client';

describe('splitToken', () => {
  it('takes the token out and keeps other parameters', () => {
    expect(splitToken('?token=abc&lang=en')).toEqual({ token: 'abc', rest: '?lang=en' });
    expect(splitToken('?token=abc')).toEqual({ token: 'abc', rest: '' });
    expect(splitToken('?lang=en')).toEqual({ token: null, rest: '?lang=en' });
  });
});

describe('hostSocketUrl', () => {
  it('follows the page scheme and carries the token', () => {
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:8700' }, null)).toBe('ws://127.0.0.1:8700/host');
    expect(hostSocketUrl({ protocol: 'https:', host: 'cc.malangkab.go.id' }, 'a b')).toBe(
      'wss://cc.malangkab.go.id/host?token=a%20b',
    );
  });
});
