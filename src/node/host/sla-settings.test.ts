import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSlaPolicy } from './sla-settings';

describe('SLA settings file', () => {
  it('ships severity 4 as 5 / 15 / 120 minutes', () => {
    expect(loadSlaPolicy().severity[4]).toEqual({ verify: 5, dispatch: 15, resolve: 120 });
  });

  it('names the file and the field of a bad policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nawa-sla-'));
    try {
      const file = join(dir, 'sla.json');
      writeFileSync(file, JSON.stringify({ severity: { 1: { verify: 1, dispatch: 2, resolve: 3 } } }));
      expect(() => loadSlaPolicy(file)).toThrow(/sla\.json: severity\.2/);
      writeFileSync(file, '{ not json');
      expect(() => loadSlaPolicy(file)).toThrow(/sla\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
