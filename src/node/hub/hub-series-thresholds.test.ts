// v1.1 sector thresholds at the hub, as a console sends them: an upsert of the series with its other fields as
// held, taken from a supervisor only; every other role is refused with the contract's codes and nothing changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MutationsResponse, type Change, type MutationResult } from '../../common/central-api';
import type { Series } from '../../common/entities';
import { DEMO_THRESHOLDS } from './demo-sectors';
import { expectError, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await t.close();
});

const BEDS = 'health.rsud-kanjuruhan-tt';

async function push(token: string, data: unknown, op = 'upsert'): Promise<MutationResult> {
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: { consoleId: 'posko-dinkes', mutations: [{ id: uuid(), entity: 'series', op, clientTime: nowIso(), data }] },
  });
  expect(res.status).toBe(200);
  return MutationsResponse.parse(await res.json()).results[0]!;
}

async function seriesFeed(token: string): Promise<Change[]> {
  const res = await t.api('/changes?since=0&limit=5000&entities=series', { token });
  return ChangesResponse.parse(await res.json()).changes.filter((c) => c.id === BEDS);
}

describe('series thresholds at the hub, by role', () => {
  it("a supervisor's new thresholds are published with the series as it was; other roles are refused", async () => {
    const supervisor = await t.login('supervisor');
    const before = await seriesFeed(supervisor);
    const held = before.at(-1)!.data as Series;
    // The demo seed publishes the room's thresholds with the series.
    expect(held.thresholds).toEqual(DEMO_THRESHOLDS[BEDS]);
    const tighter = { direction: 'above' as const, warning: 80, critical: 90 };

    for (const role of ['operator', 'presenter'] as const) {
      const refused = await push(await t.login(role), { ...held, thresholds: tighter });
      expect(refused, role).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    }
    // The wall's read-only account may not write at all.
    const viewer = await t.api('/mutations', {
      method: 'POST',
      token: await t.login('viewer'),
      json: {
        consoleId: 'dinding',
        mutations: [
          { id: uuid(), entity: 'series', op: 'upsert', clientTime: nowIso(), data: { ...held, thresholds: tighter } },
        ],
      },
    });
    await expectError(viewer, 403);
    expect(await seriesFeed(supervisor)).toEqual(before);

    const applied = await push(supervisor, { ...held, thresholds: tighter });
    expect(applied).toMatchObject({ status: 'applied', version: before.at(-1)!.version + 1 });
    const after = await seriesFeed(supervisor);
    expect(after.at(-1)).toMatchObject({
      seq: applied.seq,
      version: applied.version,
      data: { ...held, thresholds: tighter },
    });

    // A series is never deleted by a client, and unknown fields are refused, not ignored.
    expect(await push(supervisor, { id: BEDS }, 'delete')).toMatchObject({
      status: 'rejected',
      error: { code: 'op_not_allowed' },
    });
    expect(await push(supervisor, { ...held, thresholds: { ...tighter, colour: 'red' } })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    expect(await seriesFeed(supervisor)).toEqual(after);
  });
});
