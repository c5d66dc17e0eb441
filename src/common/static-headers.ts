// The headers of a built page or asset, the same whether `nawa serve` sends it to a browser or Electron's
// app:// protocol hands it to a window: one content type table, one CSP, one caching rule.

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.geojson': 'application/geo+json',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "connect-src 'self' ws: wss:; frame-src https:; media-src 'self' https: http:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** `file` is a path inside the build folder; assets have hashed names, so they never change under one name. */
export function staticFileHeaders(file: string, kind: 'page' | 'asset', csp: string = CSP): Record<string, string> {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return {
    'content-type': (dot > 0 ? TYPES[name.slice(dot)] : undefined) ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': kind === 'asset' ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}
