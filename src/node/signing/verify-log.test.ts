// `nawa verify-log` against a real hub and its exported file: any edit, deletion, reordering or truncation of
// an entry is found, and the first failing decision is named.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../hub/hub-test-kit';
import { decisionHashOf } from './decision-log';
import { publishTestKey } from './signing-test-kit';
import { verifyLogMain } from './verify-log-cli';

let t: TestHub;
let exported: string;
beforeAll(async () => {
  t = await startTestHub();
  const token = await t.login('operator');
  const key = await publishTestKey(t, token, 'operator', 'console-1');
  for (let i = 0; i < 4; i++) {
    const data = key.sign({
      id: crypto.randomUUID(),
      decidedAt: new Date().toISOString(),
      summary: `Keputusan ${i}`,
      rationale: 'Uji',
      action: 'Catat',
    });
    const res = await t.api('/mutations', {
      method: 'POST',
      token,
      json: {
        consoleId: 'console-1',
        mutations: [{ id: data.id, entity: 'decision', op: 'upsert', data, clientTime: new Date().toISOString() }],
      },
    });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');
  }
  exported = join(t.dir, 'log.json');
  const run = await cli(['--hub', t.hub.url, '--export', exported]);
  expect(run.code, run.err).toBe(0);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = { NAWA_VERIFY_USER: 'viewer', NAWA_VERIFY_PASSWORD: 'demo' },
) {
  let out = '';
  let err = '';
  const code = await verifyLogMain(
    args,
    env,
    {
      write: (s: string) => {
        out += s;
        return true;
      },
    } as never,
    {
      write: (s: string) => {
        err += s;
        return true;
      },
    } as never,
  );
  return { code, out, err };
}

type Log = {
  count: number;
  head: { seq: number; hash: string };
  decisions: Record<string, unknown>[];
  signingKeys: unknown[];
};
const load = (): Log => JSON.parse(readFileSync(exported, 'utf8')) as Log;
async function check(edit: (log: Log) => void) {
  const log = load();
  edit(log);
  const path = join(t.dir, `tampered-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(log));
  return cli(['--file', path], {});
}

describe('nawa verify-log', () => {
  it('passes an untouched log from the hub and from its export, signatures included', async () => {
    const log = load();
    expect(log.decisions.length).toBeGreaterThanOrEqual(6);
    expect(log.decisions.every((d) => typeof d.signature === 'string')).toBe(true);
    const fromHub = await cli(['--hub', t.hub.url]);
    expect(fromHub).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`ok, ${log.count} decisions`)) });
    expect((await cli(['--file', exported], {})).code).toBe(0);
  });

  it('names the first entry when one is edited, even with the whole chain recomputed after it', async () => {
    const log = load();
    const target = log.decisions[3] as { id: string };
    const r = await check((l) => {
      (l.decisions[3] as Record<string, unknown>).summary = 'Ditulis ulang';
      let prev = (l.decisions[2] as { hash: string }).hash;
      for (const d of l.decisions.slice(3)) {
        d.prevHash = prev;
        d.hash = decisionHashOf(d, prev);
        prev = d.hash as string;
      }
      l.head.hash = prev;
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`entry 3 \\(decision ${target.id}.*signature does not verify`));
  });

  it('finds a deleted, a reordered and a truncated entry, and a swapped signing key', async () => {
    const deleted = await check((l) => {
      l.decisions.splice(2, 1);
    });
    expect(deleted).toMatchObject({ code: 1, err: expect.stringMatching(/entry 2 .*prevHash/) });
    const reordered = await check((l) => {
      const [a] = l.decisions.splice(1, 1);
      l.decisions.splice(2, 0, a!);
    });
    expect(reordered).toMatchObject({ code: 1, err: expect.stringMatching(/entry 1 .*(seq|prevHash)/) });
    const truncated = await check((l) => {
      l.decisions.pop();
    });
    expect(truncated).toMatchObject({ code: 1, err: expect.stringMatching(/entries are missing/) });
    const cutHead = await check((l) => {
      l.decisions.shift();
    });
    expect(cutHead).toMatchObject({ code: 1, err: expect.stringMatching(/entry 0 .*prevHash/) });
    const swapped = await check((l) => {
      const k = l.signingKeys.at(-1) as Record<string, unknown>;
      k.operatorId = 'supervisor';
    });
    expect(swapped).toMatchObject({ code: 1, err: expect.stringMatching(/belongs to supervisor/) });
  });

  it('answers usage errors with 2 and a file that is not an export with 1', async () => {
    expect((await cli([], {})).code).toBe(2);
    expect((await cli(['--hub', t.hub.url], {})).code).toBe(2);
    const junk = join(t.dir, 'junk.json');
    writeFileSync(junk, '{"format":"other"}');
    expect(await cli(['--file', junk], {})).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a nawa-decision-log export/),
    });
  });
});
