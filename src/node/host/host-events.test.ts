// The host maps what the domain announces to host events in one place: a write made straight on the store (no
// request handler involved) or a switch made straight on the wall controller still reaches every listener.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/host-api';
import { PRESET_LAYOUTS } from '../../common/presets';
import { createHost, type ConsoleHost } from './host';

let dir: string;
let host: ConsoleHost;
let seen: { name: EventName; payload: unknown }[];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-events-'));
  // Nothing listens on port 9: the host works from its cache, as offline.
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: 'http://127.0.0.1:9', heartbeatMs: 200 });
  seen = [];
  host.onEvent((name, payload) => seen.push({ name, payload }));
});
afterEach(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const names = () => seen.map((e) => e.name).filter((n) => n !== 'wall.advice');

describe('host events', () => {
  it('a local write announces the changed entity and the pending count, whoever made it', () => {
    host.store.recordDecision(
      { id: crypto.randomUUID(), decidedAt: '2026-11-28T01:00:00.000Z', summary: 'S', rationale: '', action: 'A' },
      'op',
      'c',
    );
    // (More sync.status may follow as the push finds the central API unreachable.)
    expect(names().slice(0, 2)).toEqual(['data.changed', 'sync.status']);
    expect(seen[0]!.payload).toEqual({ entities: ['decision'] });
    expect(seen.find((e) => e.name === 'sync.status')!.payload).toMatchObject({ pending: 1 });
  });

  it('a switch on the wall controller announces the new state and the walls that must paint it', () => {
    const layout = { ...PRESET_LAYOUTS[0]!, version: 1, updatedAt: '2026-11-28T00:00:00.000Z' };
    host.store.applyPage([{ seq: 1, entity: 'layout', id: layout.id, op: 'upsert', version: 1, data: layout }], 1);
    host.wall.switchTo(layout.id);
    expect(names().filter((n) => n !== 'sync.status')).toEqual(['wall.state', 'wall.status']);
    expect(seen[0]!.payload).toMatchObject({ layout: { id: layout.id } });
    host.wall.displays([], [4]);
    expect(names().filter((n) => n === 'wall.status')).toHaveLength(2);
  });
});
