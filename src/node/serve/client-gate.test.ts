import { describe, expect, it } from 'vitest';
import { servedHosts } from './client-gate';

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
