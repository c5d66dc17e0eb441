import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin';
import { guardRequest } from './ipc-guard';

describe('guardRequest', () => {
  it('lets a contract request from the console or a wall page through', () => {
    expect(guardRequest('app://nawa/', 'wall.switch')).toEqual({ ok: true, value: 'wall.switch' });
    expect(guardRequest('app://nawa/wall/5', 'wall.hello')).toEqual({ ok: true, value: 'wall.hello' });
  });

  it('refuses frames that are not Nawa pages', () => {
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://evil/',
      'app://nawa.evil/',
      'app://x@nawa/',
      'http://nawa/',
      'about:blank',
      '',
      null,
      undefined,
    ]) {
      const r = guardRequest(url, 'session.current');
      expect(r.ok, String(url)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
  });

  it('refuses names outside the contract, including inherited object keys', () => {
    for (const name of ['wall.explode', 'toString', '__proto__', 42, null, { name: 'wall.state' }]) {
      const r = guardRequest('app://nawa/', name);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_request');
    }
  });

  it('recognises the app origin only', () => {
    expect(isAppUrl('app://nawa/assets/index-abc.js')).toBe(true);
    // Chromium lower-cases the host of a standard scheme before the URL reaches main, so exact match is enough.
    expect(isAppUrl('app://NAWA/')).toBe(false);
  });
});
