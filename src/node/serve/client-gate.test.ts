import { describe, expect, it } from 'vitest';
import { ClientGate, servedHosts } from './client-gate';

describe('served hosts (the Host headers nawa serve answers)', () => {
  it('names loopback, the bound address and the public names, each with the port', () => {
    const hosts = servedHosts('10.9.0.5', 8790, ['CC.malangkab.go.id']);
    for (const h of ['127.0.0.1:8790', 'localhost:8790', '[::1]:8790', '10.9.0.5:8790', 'cc.malangkab.go.id:8790'])
      expect(hosts.has(h), h).toBe(true);
    // Another port, or no port off the scheme's own, is not this host.
    expect(hosts.has('cc.malangkab.go.id')).toBe(false);
    expect(hosts.has('10.9.0.5:8791')).toBe(false);
    expect(hosts.has('evil.example:8790')).toBe(false);
  });

  it("takes a Host without port on the scheme's own port, as browsers send it for https://name/", () => {
    const hosts = servedHosts('0.0.0.0', 443, ['cc.malangkab.go.id']);
    expect(hosts.has('cc.malangkab.go.id')).toBe(true);
    expect(hosts.has('cc.malangkab.go.id:443')).toBe(true);
    expect(hosts.has('evil.example')).toBe(false);
  });
});

describe('refusal of wall messages before their input is checked', () => {
  // Found by the 10,000-message fuzz of `nawa serve`: String() of a wall field with its own toString threw, and the
  // frame was never answered.
  it('words a hostile wall field without calling into it', () => {
    const gate = new ClientGate(null, Buffer.alloc(32, 1), () => null);
    const conn = { id: 'c', operator: null, wall: null };
    const hostile = JSON.parse('{"wall": {"toString": [1], "valueOf": {}, "__proto__": "x"}, "stateVersion": 0}');
    const refused = gate.refusal('wall.painted', hostile, conn, { kind: 'full' });
    expect(refused?.code).toBe('not_this_wall');
    expect(refused?.message).toContain('(not a number)');
    expect(gate.refusal('wall.painted', { wall: 4, stateVersion: 0 }, conn, { kind: 'full' })?.message).toContain(
      'wall 4',
    );
  });
});
