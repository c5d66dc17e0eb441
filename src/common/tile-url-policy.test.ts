import { describe, expect, it } from 'vitest';
import { checkTileUrl, inCameraNetworks, validCameraNetwork } from './tile-url-policy';

const policy = {
  webDomains: ['malangkab.go.id', 'bmkg.go.id'],
  cameraNetworks: ['10.20.0.0/16', '192.168.7.9', 'cctv.malangkab.go.id'],
};

describe('tile URL policy', () => {
  it('lets web tiles show only https pages of the allow-list', () => {
    expect(checkTileUrl({ kind: 'web', url: 'https://dinkes.malangkab.go.id/x' }, policy).ok).toBe(true);
    expect(checkTileUrl({ kind: 'web', url: 'https://example.com/' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'web', url: 'http://malangkab.go.id/' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'web', url: 'https://bnpb.go.id/' }, policy).ok).toBe(false);
  });

  it('lets video play https from anywhere, plain http only from the camera networks', () => {
    expect(checkTileUrl({ kind: 'video', url: 'https://stream.example.net/a.m3u8' }, policy).ok).toBe(true);
    expect(checkTileUrl({ kind: 'video', url: 'http://10.20.3.4/live' }, policy).ok).toBe(true);
    expect(checkTileUrl({ kind: 'video', url: 'http://192.168.7.9:8080/live' }, policy).ok).toBe(true);
    expect(checkTileUrl({ kind: 'video', url: 'http://pasar.cctv.malangkab.go.id/live' }, policy).ok).toBe(true);
    expect(checkTileUrl({ kind: 'video', url: 'http://169.254.169.254/latest/meta-data' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'video', url: 'http://10.21.0.1/live' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'video', url: 'http://192.168.7.10/live' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'video', url: 'http://user:pw@10.20.3.4/live' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'video', url: 'http://evilcctv.malangkab.go.id.example.com/' }, policy).ok).toBe(false);
    expect(checkTileUrl({ kind: 'video', url: 'http://10.20.3.4/live' }, { ...policy, cameraNetworks: [] }).ok).toBe(
      false,
    );
  });

  it('matches CIDRs by arithmetic, /0 to /32', () => {
    expect(inCameraNetworks('255.255.255.255', ['0.0.0.0/0'])).toBe(true);
    expect(inCameraNetworks('200.1.1.1', ['128.0.0.0/1'])).toBe(true);
    expect(inCameraNetworks('127.1.1.1', ['128.0.0.0/1'])).toBe(false);
    expect(inCameraNetworks('10.0.0.1', ['10.0.0.1/32'])).toBe(true);
    expect(inCameraNetworks('10.0.0.2', ['10.0.0.1/32'])).toBe(false);
  });

  it('knows a usable camera network entry from a bad one', () => {
    for (const ok of ['10.20.0.0/16', '10.0.0.1', 'cctv.malangkab.go.id']) expect(validCameraNetwork(ok)).toBe(true);
    for (const bad of ['10.20.0.0/33', '300.1.1.1/8', 'a/b/c', 'localhost', '', 'x_y.z'])
      expect(validCameraNetwork(bad), bad).toBe(false);
  });

  it('passes sources without a URL', () => {
    expect(checkTileUrl({ kind: 'clock' }, policy).ok).toBe(true);
  });
});
