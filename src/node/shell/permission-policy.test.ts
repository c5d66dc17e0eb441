import { describe, expect, it } from 'vitest';
import { allowPermission } from './permission-policy';

describe('allowPermission', () => {
  it('lets a Nawa page go full screen and copy text', () => {
    expect(allowPermission('fullscreen', 'app://nawa/', true)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'app://nawa/wall/2', true)).toBe(true);
  });

  it('denies devices, location, notifications and the rest, even to Nawa pages', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'display-capture',
      'clipboard-read',
      'openExternal',
      'hid',
      'window-management',
    ]) {
      expect(allowPermission(p, 'app://nawa/', true), p).toBe(false);
    }
  });

  it('denies everything to embedded web pages and foreign origins', () => {
    expect(allowPermission('fullscreen', 'https://cctv.example.go.id/', false)).toBe(false);
    expect(allowPermission('fullscreen', 'app://nawa/', false)).toBe(false);
    expect(allowPermission('fullscreen', 'https://example.com/', true)).toBe(false);
    expect(allowPermission('fullscreen', undefined, true)).toBe(false);
  });
});
