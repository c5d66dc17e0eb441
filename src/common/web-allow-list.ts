// Which web pages a wall tile may frame. A wall is seen by the whole room and by visiting officials, so only
// government sites the room trusts may appear on it; everything else is refused when the layout is edited.

/** Registrable domains whose own pages and subdomains may be shown in a web tile (HTTPS only). */
export const WEB_TILE_DOMAINS: readonly string[] = [
  'malangkab.go.id', // Pemerintah Kabupaten Malang and its OPD
  'jatimprov.go.id', // Pemerintah Provinsi Jawa Timur
  'bmkg.go.id', // weather, earthquakes, early warnings
  'bnpb.go.id', // disaster data (InaRISK, DIBI)
];

export type WebUrlVerdict =
  { ok: true; host: string } | { ok: false; reason: 'not_url' | 'not_https' | 'not_allowed'; host: string | null };

/** Checks a web tile's URL against the allow-list: HTTPS, no credentials, a host under a listed domain. */
export function checkWebUrl(url: string, domains: readonly string[] = WEB_TILE_DOMAINS): WebUrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not_url', host: null };
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'not_https', host };
  // user:pass@ could make a page look as if it came from somewhere else to a reader of the URL.
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, reason: 'not_allowed', host };
  const allowed = domains.some((d) => host === d || host.endsWith(`.${d}`));
  return allowed ? { ok: true, host } : { ok: false, reason: 'not_allowed', host };
}

/** The CSP `frame-src` sources for `domains`: each domain and its subdomains, HTTPS only. */
export function frameSources(domains: readonly string[] = WEB_TILE_DOMAINS): string {
  return domains.flatMap((d) => [`https://${d}`, `https://*.${d}`]).join(' ');
}
