// Layout safety (central-api.md v1.1): what a wall may be told to load. A web tile shows only HTTPS pages of
// allow-listed domains; a video tile plays HTTPS from anywhere, or plain HTTP only from the camera networks
// (the CCTV VLANs, which have no certificates). Pure, so the hub enforces what the editor already checks.
import type { TileSource } from './layout';
import { checkWebUrl, WEB_TILE_DOMAINS } from './web-allow-list';

export interface TileUrlPolicy {
  /** Registrable domains for web tiles (a host equal to one or under it). */
  webDomains: readonly string[];
  /** Where plain-HTTP video may come from: IPv4 CIDRs (10.20.0.0/16), single addresses, or host names / domains. */
  cameraNetworks: readonly string[];
}

export const DEFAULT_TILE_URL_POLICY: TileUrlPolicy = { webDomains: WEB_TILE_DOMAINS, cameraNetworks: [] };

export type TileUrlVerdict = { ok: true } | { ok: false; message: string };

function ipv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/** Whether `entry` is a usable camera network: an IPv4 address or CIDR, or a host name. */
export function validCameraNetwork(entry: string): boolean {
  const [addr, bits, extra] = entry.split('/');
  if (extra !== undefined || addr === undefined) return false;
  if (bits !== undefined) return ipv4(addr) !== null && /^\d{1,2}$/.test(bits) && Number(bits) <= 32;
  return ipv4(addr) !== null || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(addr);
}

export function inCameraNetworks(host: string, networks: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const ip = ipv4(h);
  return networks.some((entry) => {
    const [addr = '', bits] = entry.toLowerCase().split('/');
    const net = ipv4(addr);
    if (net === null) return ip === null && (h === addr || h.endsWith(`.${addr}`));
    if (ip === null) return false;
    const span = 2 ** (32 - (bits === undefined ? 32 : Number(bits)));
    // Plain arithmetic instead of bit operators: JavaScript's are signed 32-bit.
    return Math.floor(ip / span) === Math.floor(net / span);
  });
}

/** Whether a tile's source may be shown under the policy; sources without a URL always may. */
export function checkTileUrl(source: TileSource, policy: TileUrlPolicy = DEFAULT_TILE_URL_POLICY): TileUrlVerdict {
  if (source.kind === 'web') {
    const v = checkWebUrl(source.url, policy.webDomains);
    if (v.ok) return { ok: true };
    if (v.reason === 'not_https') return { ok: false, message: 'a web tile must use https' };
    return {
      ok: false,
      message: `web tiles may show only ${policy.webDomains.join(', ')} (not ${v.host ?? 'this URL'})`,
    };
  }
  if (source.kind === 'video') {
    let url: URL;
    try {
      url = new URL(source.url);
    } catch {
      return { ok: false, message: 'the video URL does not parse' };
    }
    if (url.username !== '' || url.password !== '')
      return { ok: false, message: 'a video URL must not carry credentials' };
    if (url.protocol === 'https:') return { ok: true };
    if (url.protocol === 'http:' && inCameraNetworks(url.hostname.replace(/^\[|\]$/g, ''), policy.cameraNetworks))
      return { ok: true };
    return {
      ok: false,
      message: `plain-http video only from the camera networks (${policy.cameraNetworks.join(', ') || 'none configured'})`,
    };
  }
  return { ok: true };
}
