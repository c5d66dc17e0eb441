// What the console benches fill a store with besides the readings: the regency's sites with their link state, and
// a year of a busy room (decisions signed and chained as a v1.1 hub publishes them, some still waiting; incidents,
// some being edited), all through the store's own paths.
import type { Change } from '../src/common/central-api';
import { GENESIS_HASH } from '../src/common/canonical-json';
import { decisionHashOf } from '../src/node/signing/decision-log';
import { localSigner } from '../src/node/signing/local-signer';
import type { ConsoleStore } from '../src/node/store/console-store';

export const SITES = 420;

/** The sites and their states as changes of the feed, from seq `from` on; returns them. */
export function siteChanges(from: number): Change[] {
  let seq = from;
  const changes: Change[] = [];
  for (let i = 0; i < SITES; i++) {
    const id = `35.07.${String(10 + (i % 33)).padStart(2, '0')}.${2001 + i}`;
    changes.push({
      seq: ++seq,
      entity: 'site',
      id,
      op: 'upsert',
      version: 1,
      data: {
        id,
        kind: 'village',
        name: `Desa ${i}`,
        districtCode: `35.07.${String(10 + (i % 33)).padStart(2, '0')}`,
        lat: -8,
        lon: 112.6,
      },
    });
    changes.push({
      seq: ++seq,
      entity: 'status',
      id,
      op: 'upsert',
      version: 1,
      data: {
        siteId: id,
        at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
        state: i % 17 === 0 ? 'down' : i % 7 === 0 ? 'degraded' : 'up',
        latencyMs: 30,
        bandwidthMbps: 40,
      },
    });
  }
  return changes;
}

/** A year of a busy room: decisions (some still waiting), incidents (some being edited). */
export function fillRecords(store: ConsoleStore, from: number): number {
  let seq = from;
  // Signed and chained as a v1.1 hub publishes them, so the console verifies and keeps every one.
  const signer = localSigner('operator', 'c', new Date(Date.UTC(2026, 0, 1)).toISOString());
  const changes: Change[] = [
    { seq: ++seq, entity: 'signing_key', id: signer.key.id, op: 'upsert', version: 1, data: signer.key },
  ];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < 20_000; i++) {
    const id = `7d000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const d = signer.sign({
      id,
      decidedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      summary: `Keputusan ${i}`,
      rationale: '',
      action: 'Catat',
      operatorId: 'operator',
      consoleId: 'c',
    });
    const hash = decisionHashOf(d, prevHash);
    changes.push({ seq: ++seq, entity: 'decision', id, op: 'upsert', version: 1, data: { ...d, seq, prevHash, hash } });
    prevHash = hash;
  }
  for (let i = 0; i < 300; i++) {
    const id = `7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    changes.push({
      seq: ++seq,
      entity: 'incident',
      id,
      op: 'upsert',
      version: 1,
      data: { ...incident(id, i), updatedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(), version: 1 },
    });
  }
  store.applyPage(changes, seq);
  for (let i = 0; i < 2_000; i++) {
    store.recordDecision(
      {
        id: crypto.randomUUID(),
        decidedAt: new Date().toISOString(),
        summary: `Menunggu ${i}`,
        rationale: '',
        action: 'Catat',
      },
      'operator',
      'c',
    );
  }
  for (let i = 0; i < 50; i++)
    store.incidentRepo.save(
      { ...incident(`7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i), status: 'verified' },
      'operator',
      new Date().toISOString(),
    );
  return seq;
}

export const incident = (id: string, i: number) => ({
  id,
  title: `Insiden ${i}`,
  sector: 'disaster' as const,
  severity: 1 + (i % 4),
  status: 'reported' as const,
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.6,
  assignedOpd: null,
  reportedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
});
