// The v1.1 incident workflow through the host against a real hub: the lifecycle applied locally (also offline),
// notes through the outbox, and the timeline the hub writes arriving exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../common/host-api';
import type { TimelineEntry } from '../../common/incident-api';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-incwf-'));
  hub = await startHub({ dbPath: await testHubDb(dir), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const fields = {
  title: 'Tanah longsor di Desa Sumberdem',
  sector: 'disaster' as const,
  severity: 4,
  districtCode: '35.07.19',
  lat: -8.05,
  lon: 112.45,
};

async function start() {
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
  const c = conn();
  ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
  await until('online', () => host!.sync.status().online);
  await until('OPD sites', () => host!.store.sites('opd').length > 10);
  return c;
}

describe('incident workflow through the host', () => {
  it("refuses what the lifecycle refuses, with the hub's codes, before anything is queued", async () => {
    const c = await start();
    const h = host!;
    expect(await h.dispatch('incidents.save', { incident: { ...fields, status: 'verified' } }, c)).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    const { incident } = ok<{ incident: IncidentView }>(
      await h.dispatch('incidents.save', { incident: { ...fields, status: 'reported' } }, c),
    );
    const save = (status: string, extra: Record<string, unknown> = {}) =>
      h.dispatch(
        'incidents.save',
        { incident: { ...fields, id: incident.id, status: status as 'reported', ...extra } },
        c,
      );
    expect(await save('dispatched', { assignedOpd: 'BPBD' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await save('resolved')).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await save('closed')).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    ok(await save('verified'));
    expect(await save('dispatched')).toMatchObject({ ok: false, error: { code: 'assignment_required' } });
    expect(await save('dispatched', { assignedOpd: 'Pak Lurah' })).toMatchObject({
      ok: false,
      error: { code: 'assignment_required' },
    });
    // Only the two allowed writes were queued: the hub holds version 2, verified, and refused nothing.
    await until(
      'pushed',
      () =>
        h.store.outbox.counts().pending === 0 && h.store.incidentRepo.get(incident.id)?.central?.status === 'verified',
    );
    expect(h.store.incidentRepo.get(incident.id)?.central?.version).toBe(2);
    expect(h.store.outbox.counts().rejected).toBe(0);
  });

  it("moves an incident along offline with a note; after the hub returns the timeline is the hub's, in order, each once", async () => {
    const c = await start();
    const h = host!;
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await until('offline', () => !h.sync.status().online, 15_000);
    const { incident } = ok<{ incident: IncidentView }>(
      await h.dispatch('incidents.save', { incident: { ...fields, status: 'reported' } }, c),
    );
    const save = (status: string, extra: Record<string, unknown> = {}) =>
      h.dispatch(
        'incidents.save',
        { incident: { ...fields, id: incident.id, status: status as 'reported', ...extra } },
        c,
      );
    ok(await save('verified'));
    ok(await save('dispatched', { assignedOpd: 'BPBD' }));
    ok(
      await h.dispatch(
        'incidents.addNote',
        { incidentId: incident.id, text: 'Tim BPBD tiba, jalan tertutup material' },
        c,
      ),
    );
    ok(await save('resolved', { assignedOpd: 'BPBD' }));
    const offline = ok<{ entries: TimelineEntry[] }>(
      await h.dispatch('incidents.timeline', { id: incident.id }, c),
    ).entries;
    expect(offline.map((e) => `${e.kind}:${e.to ?? ''}:${e.state}`)).toEqual([
      'created:reported:pending',
      'status:verified:pending',
      'status:dispatched:pending',
      'assigned:BPBD:pending',
      'note::pending',
      'status:resolved:pending',
    ]);
    expect(ok<{ ids: string[] }>(await h.dispatch('incidents.search', { query: 'material' }, c)).ids).toEqual([
      incident.id,
    ]);

    hub = await startHub({ dbPath: await testHubDb(dir), port, heartbeatMs: 200 });
    await until(
      'pushed and pulled',
      () =>
        h.store.outbox.counts().pending === 0 && h.store.incidentRepo.get(incident.id)?.central?.status === 'resolved',
      20_000,
    );
    const entries = await until("the hub's timeline", async () => {
      const t = ok<{ entries: TimelineEntry[] }>(
        await h.dispatch('incidents.timeline', { id: incident.id }, c),
      ).entries;
      return t.length === 6 && t.every((e) => e.state === 'synced') && t;
    });
    expect(entries.map((e) => `${e.kind}:${e.to ?? ''}`)).toEqual([
      'created:reported',
      'status:verified',
      'status:dispatched',
      'assigned:BPBD',
      'note:',
      'status:resolved',
    ]);
    const seqs = entries.map((e) => e.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(entries[4]).toMatchObject({ text: 'Tim BPBD tiba, jalan tertutup material', operatorId: 'operator' });
    expect(h.store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
    // Exactly once at the hub.
    const token = (
      (await (
        await fetch(`${hub.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'viewer', password: 'demo' }),
        })
      ).json()) as { token: string }
    ).token;
    const feed = (await (
      await fetch(`${hub.url}/api/v1/changes?since=0&limit=5000&entities=incident_note,incident_event`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { changes: { entity: string; data: { incidentId: string } }[] };
    const mine = feed.changes.filter((ch) => ch.data.incidentId === incident.id);
    expect(mine.filter((ch) => ch.entity === 'incident_note')).toHaveLength(1);
    expect(mine.filter((ch) => ch.entity === 'incident_event')).toHaveLength(6);
  });

  it('gives the SLA policy of the settings file', async () => {
    const c = await start();
    expect(
      ok<{ severity: Record<string, unknown> }>(await host!.dispatch('incidents.sla', {}, c)).severity['4'],
    ).toEqual({ verify: 5, dispatch: 15, resolve: 120 });
  });
});
