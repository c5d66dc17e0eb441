// The optional `wall` of a decision at the hub (docs/decision-wall.md): validated (shape, sizes, text rules),
// published exactly as sent, covered by the chain hash; not one of the signed fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MutationsResponse, type MutationResult } from '../../common/central-api';
import { signingPayload } from '../../common/decision-signing';
import { decisionHashOf, verifyDecisionLog } from '../signing/decision-log';
import { publishTestKey, type TestSigner } from '../signing/signing-test-kit';
import { detailFields, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub;
let token: string;
let signer: TestSigner;
beforeEach(async () => {
  t = await startTestHub();
  token = await t.login('operator');
  signer = await publishTestKey(t, token, 'operator', 'posko-1');
});
afterEach(async () => {
  await t.close();
});

const WALL = {
  stateVersion: 17,
  layout: { id: '3c1f2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', name: 'Darurat banjir Dampit', version: 3 },
};
const decision = (wall: unknown) => ({
  ...signer.sign({ id: uuid(), decidedAt: nowIso(), summary: 'Buka posko', rationale: 'Hujan', action: 'Dinsos' }),
  wall,
});

async function push(data: unknown): Promise<MutationResult> {
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: {
      consoleId: 'posko-1',
      mutations: [{ id: uuid(), entity: 'decision', op: 'upsert', data, clientTime: nowIso() }],
    },
  });
  expect(res.status).toBe(200);
  return MutationsResponse.parse(await res.json()).results[0] as MutationResult;
}
async function feed(entities: string) {
  const res = await t.api(`/changes?since=0&limit=5000&entities=${entities}`, { token });
  return ChangesResponse.parse(await res.json()).changes;
}

describe('the wall a decision records, at the hub', () => {
  it('is published as sent, and the chain hash covers it', async () => {
    const d = decision(WALL);
    expect(await push(d)).toMatchObject({ status: 'applied' });
    const empty = decision({ stateVersion: 0, layout: null });
    expect(await push(empty)).toMatchObject({ status: 'applied' });
    const changes = await feed('decision,signing_key');
    const published = changes.filter((c) => c.entity === 'decision').map((c) => c.data as Record<string, unknown>);
    const ours = published.find((p) => p.id === d.id)!;
    expect(ours.wall).toEqual(WALL);
    expect(published.find((p) => p.id === empty.id)?.wall).toEqual({ stateVersion: 0, layout: null });
    // The chain and every signature verify as an outside verifier computes them.
    const keys = changes.filter((c) => c.entity === 'signing_key').map((c) => c.data);
    expect(verifyDecisionLog(published as never, keys as never)).toMatchObject({ ok: true });
    // Rewriting the wall of the published decision changes its hash: the chain would show it.
    const rewritten = { ...ours, wall: { ...WALL, stateVersion: 18 } };
    expect(decisionHashOf(rewritten, ours.prevHash as string)).not.toBe(ours.hash);
    expect(decisionHashOf(ours, ours.prevHash as string)).toBe(ours.hash);
    // ... but not its signature: `s` is the contract's fixed list of fields.
    const fields = ours as unknown as Parameters<typeof signingPayload>[0];
    expect(signingPayload(fields)).toBe(signingPayload({ ...fields, ...{ wall: undefined } }));
    expect(signingPayload(fields)).not.toContain('stateVersion');
  });

  it('refuses a wall of the wrong shape or size, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...WALL, extra: 1 }, 'data.wall.extra'],
      [{ layout: WALL.layout }, 'data.wall.stateVersion'],
      [{ ...WALL, stateVersion: -1 }, 'data.wall.stateVersion'],
      [{ ...WALL, stateVersion: 1.5 }, 'data.wall.stateVersion'],
      [{ ...WALL, stateVersion: 2 ** 53 }, 'data.wall.stateVersion'],
      [{ ...WALL, stateVersion: '17' }, 'data.wall.stateVersion'],
      [{ ...WALL, layout: { ...WALL.layout, id: 'layout-1' } }, 'data.wall.layout.id'],
      [{ ...WALL, layout: { ...WALL.layout, version: 0 } }, 'data.wall.layout.version'],
      [{ ...WALL, layout: { ...WALL.layout, name: 'x'.repeat(121) } }, 'data.wall.layout.name'],
      [{ ...WALL, layout: { ...WALL.layout, name: 'Banjir \u202Eevil' } }, 'data.wall.layout.name'],
      [{ ...WALL, layout: { ...WALL.layout, name: '\u200b' } }, 'data.wall.layout.name'],
      [{ ...WALL, layout: { ...WALL.layout, url: 'https://x' } }, 'data.wall.layout.url'],
      [{ ...WALL, layout: undefined }, 'data.wall.layout'],
      ['Darurat', 'data.wall'],
      [null, 'data.wall'],
    ];
    for (const [wall, field] of cases) {
      const r = await push(decision(wall));
      expect(r.status, JSON.stringify(wall)).toBe('rejected');
      expect(r.error?.code).toBe('invalid_data');
      expect(detailFields(r.error!)).toContain(field);
    }
    // Nothing of them was published; a name of exactly 120 characters is fine.
    expect((await feed('decision')).filter((c) => (c.data as { wall?: unknown }).wall !== undefined)).toHaveLength(0);
    const longest = decision({ ...WALL, layout: { ...WALL.layout, name: 'x'.repeat(120) } });
    expect(await push(longest)).toMatchObject({ status: 'applied' });
  });
});
