import { describe, expect, it } from 'vitest';
import { hostKey, queriesTouchedBy } from './query-keys';

describe('queriesTouchedBy', () => {
  it('maps changed entities to the reads they make stale, once each', () => {
    expect(queriesTouchedBy(['decision'])).toEqual(['decisions.list', 'outbox.parked']);
    expect(queriesTouchedBy(['status', 'reading', 'incident']).sort()).toEqual([
      'incidents.list',
      'outbox.parked',
      'overview.get',
      'sectors.alerts',
      'sectors.dashboard',
      'sectors.summary',
      'sites.list',
    ]);
    expect(queriesTouchedBy(['layout'])).toEqual(['layouts.list', 'wall.state', 'layouts.conflicts', 'outbox.parked']);
    expect(queriesTouchedBy([])).toEqual([]);
  });

  it('keys start with the request name so a prefix finds every input', () => {
    expect(hostKey('decisions.list', { limit: 5 }).slice(0, 2)).toEqual(['host', 'decisions.list']);
  });
});
