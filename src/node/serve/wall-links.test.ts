import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WallPairing } from '../../common/wall-pairing-api';
import { wallOrigins, wallPairing } from './wall-links';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as unknown as NetworkInterfaceInfo;
const ROOM = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('fe80::1', 'IPv6'), nic('fd00::2', 'IPv6'), nic('10.9.0.5', 'IPv4')],
  wlan0: [nic('192.168.9.20', 'IPv4')],
};

describe('wall origins', () => {
  it('names, for a wildcard bind, the public names first, then each network address a wall PC can reach', () => {
    expect(wallOrigins('0.0.0.0', 8790, 'https', ['CC.malangkab.go.id'], ROOM)).toEqual([
      'https://cc.malangkab.go.id:8790',
      'https://10.9.0.5:8790',
      'https://192.168.9.20:8790',
      'https://[fd00::2]:8790',
    ]);
  });

  it('names the bound address itself, and only loopback when bound there or when there is no network', () => {
    expect(wallOrigins('10.9.0.5', 8790, 'http', [], ROOM)).toEqual(['http://10.9.0.5:8790']);
    expect(wallOrigins('fd00::2', 8790, 'http', [], ROOM)).toEqual(['http://[fd00::2]:8790']);
    // Public names do not make a loopback bind reachable from another PC.
    expect(wallOrigins('127.0.0.1', 8790, 'http', ['cc.malangkab.go.id'], ROOM)).toEqual(['http://127.0.0.1:8790']);
    expect(wallOrigins('localhost', 8790, 'http', [], ROOM)).toEqual(['http://localhost:8790']);
    expect(wallOrigins('0.0.0.0', 8790, 'http', [], { lo: ROOM.lo })).toEqual(['http://127.0.0.1:8790']);
    // On the scheme's own port the URL goes without it, as the browser will ask for it.
    expect(wallOrigins('0.0.0.0', 443, 'https', ['cc.malangkab.go.id'], { lo: ROOM.lo })).toEqual([
      'https://cc.malangkab.go.id',
    ]);
  });
});

describe('wall pairing answer', () => {
  it('gives each of nine walls its URLs with its own token, valid against the contract', () => {
    const answer = wallPairing(['http://10.9.0.5:8790', 'http://[fd00::2]:8790'], 9, (n) => `tok-${n}`);
    expect(WallPairing.parse(answer)).toEqual(answer);
    expect(answer.reason).toBeNull();
    expect(answer.walls.map((w) => w.wall)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(answer.walls[4]!.urls).toEqual([
      'http://10.9.0.5:8790/wall/5?token=tok-5',
      'http://[fd00::2]:8790/wall/5?token=tok-5',
    ]);
  });

  it('says loopback and carries no token when the host asks for none', () => {
    const answer = wallPairing(['http://127.0.0.1:8790'], 9, null);
    expect(answer.reason).toBe('loopback');
    expect(answer.walls[8]!.urls).toEqual(['http://127.0.0.1:8790/wall/9']);
  });
});
