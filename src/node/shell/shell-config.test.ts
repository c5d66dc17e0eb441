import { describe, expect, it } from 'vitest';
import { readShellConfig } from './shell-config';

describe('readShellConfig', () => {
  it('keeps the console database in the app data folder unless told otherwise', () => {
    expect(readShellConfig({}, '/home/op/.config/Nawa/console')).toEqual({
      host: { dataDir: '/home/op/.config/Nawa/console' },
      simulatedDisplays: null,
      tiles: null,
    });
    expect(readShellConfig({ NAWA_DATA_DIR: '/srv/nawa' }, '/x').host.dataDir).toBe('/srv/nawa');
  });

  it('passes the read-only sync account only when both halves are set', () => {
    expect(readShellConfig({ NAWA_SYNC_USER: 'wall', NAWA_SYNC_PASSWORD: 's' }, '/x').host.syncAccount).toEqual({
      username: 'wall',
      password: 's',
    });
    expect(readShellConfig({ NAWA_SYNC_USER: 'wall' }, '/x').host.syncAccount).toBeUndefined();
  });

  it('passes the central API named by NAWA_HUB_URL to the host, which reads no environment itself', () => {
    expect(readShellConfig({ NAWA_HUB_URL: 'http://10.0.0.5:8780' }, '/x').host.hubUrl).toBe('http://10.0.0.5:8780');
    expect(readShellConfig({}, '/x').host.hubUrl).toBeUndefined();
  });

  it('reads a simulated wall, and refuses a spec it cannot read instead of ignoring it', () => {
    expect(readShellConfig({ NAWA_SIMULATE_WALL: '3x3' }, '/x').simulatedDisplays).toHaveLength(10);
    expect(() => readShellConfig({ NAWA_SIMULATE_WALL: 'nine' }, '/x')).toThrow(/COLSxROWS/);
  });

  it('reads the map tile server as `nawa serve --tiles` does, naming the variable when a value is bad', () => {
    expect(
      readShellConfig(
        {
          NAWA_TILES: 'https://tile.example/{z}/{x}/{y}.png',
          NAWA_TILES_ATTRIBUTION: '© OpenStreetMap',
          NAWA_TILES_CACHE_MB: '50',
        },
        '/x',
      ).tiles,
    ).toEqual({
      template: 'https://tile.example/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
      maxZoom: 19,
      cacheBytes: 50 * 2 ** 20,
    });
    expect(() => readShellConfig({ NAWA_TILES: 'http://tile.example/{z}/{x}/{y}.png' }, '/x')).toThrow(
      /NAWA_TILES: plain http/,
    );
    expect(() => readShellConfig({ NAWA_TILES_CACHE_MB: '50' }, '/x')).toThrow(/NAWA_TILES_CACHE_MB needs NAWA_TILES/);
  });

  it('keeps the sealing key file outside the data folder (used where the OS has no keychain)', () => {
    const c = readShellConfig({}, '/home/op/.config/Nawa/console', '/home/op/.config/Nawa/keys/sealing.key');
    expect(c.host.keyFile).toBe('/home/op/.config/Nawa/keys/sealing.key');
    expect(c.host.keyFile!.startsWith(`${c.host.dataDir}/`)).toBe(false);
    expect(readShellConfig({ NAWA_KEY_FILE: '/etc/nawa/key' }, '/x', '/y/key').host.keyFile).toBe('/etc/nawa/key');
  });
});
