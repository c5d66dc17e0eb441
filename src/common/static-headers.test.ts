import { describe, expect, it } from 'vitest';
import { CSP, staticFileHeaders } from './static-headers';

describe('staticFileHeaders', () => {
  it('names the type by the extension, never caches a page and keeps a hashed asset for a year', () => {
    expect(staticFileHeaders('console/index.html', 'page')).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    expect(staticFileHeaders('assets/index-Ab12.js', 'asset')).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(staticFileHeaders('/srv/dist/assets/kab-malang.geojson', 'asset')['content-type']).toBe(
      'application/geo+json',
    );
  });

  it('sends an unknown or missing extension as bytes, not as something a browser might run', () => {
    for (const file of ['assets/blob.xyz', 'assets/README', 'assets.d/.hidden', 'v1.2/assets/noext']) {
      expect(staticFileHeaders(file, 'asset')['content-type']).toBe('application/octet-stream');
    }
  });
});
