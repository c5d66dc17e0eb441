// First-start data: the preset layouts always, and with `seed: 'demo'` a regency that looks alive.
import { LayoutInput } from '../../common/layout';
import { PRESET_LAYOUTS } from '../../common/presets';
import type { AuthService } from './auth';
import { publishOwnKey } from './decision-signatures';
import { DEMO_ACCOUNTS, DEMO_DECISIONS, DEMO_INCIDENTS, DEMO_PASSWORD, DEMO_SERIES } from './demo-content';
import {
  randomStatus,
  seededRandom,
  writeIncident,
  writeReading,
  writeSeries,
  writeSite,
  writeStatus,
} from './feed-writer';
import type { HubStorage } from './hub-storage';
import { appendDecision } from './mutation-service';
import { loadReferenceData } from './reference-data';
import { demoSeries, olderValues } from './demo-sectors';

const PRESETS_DONE = 'seed.presets';
const DEMO_DONE = 'seed.demo';
const HISTORY_READINGS = 12;
const HISTORY_STEP_MS = 30 * 60 * 1000;
/** Older demo readings come hourly, so the whole demo feed still fits in one page of the changes (5000). */
const OLDER_STEP_MS = 60 * 60 * 1000;
const OLDER_READINGS = (7 * 24 * 60 * 60 * 1000 - HISTORY_READINGS * HISTORY_STEP_MS) / OLDER_STEP_MS;

/** Seeds the shipped layouts once per database, so a presenter's later edits or deletions stick. */
export function seedPresets(hub: HubStorage, now: Date): Promise<boolean> {
  return hub.transaction(async (tx) => {
    if (await tx.getMeta(PRESETS_DONE)) return false;
    const updatedAt = now.toISOString();
    for (const preset of PRESET_LAYOUTS) {
      const layout = LayoutInput.parse(preset);
      if (!(await tx.getRecord('layout', layout.id)))
        await tx.write('layout', layout.id, 'upsert', (_seq, version) => ({ ...layout, version, updatedAt }));
    }
    await tx.setMeta(PRESETS_DONE, updatedAt);
    return true;
  });
}

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
}

/**
 * scrypt N for the demo accounts only. Their password, "demo", is printed at every start, so a costlier hash
 * would protect nothing and only slow every demo and test start; real accounts get the hub's 2^17.
 */
export const DEMO_SCRYPT_N = 2 ** 14;

/** Creates the demo accounts (missing ones only) and, once per database, the demo data. */
export async function seedDemo(hub: HubStorage, auth: AuthService, now: Date): Promise<DemoAccount[]> {
  await Promise.all(DEMO_ACCOUNTS.map((a) => auth.createAccount(a, DEMO_PASSWORD, DEMO_SCRYPT_N)));
  if (!(await hub.getMeta(DEMO_DONE))) await seedDemoData(hub, now);
  return DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: DEMO_PASSWORD, role: a.role }));
}

async function seedDemoData(hub: HubStorage, now: Date): Promise<void> {
  const ref = loadReferenceData();
  const random = seededRandom(3507);
  const at = now.toISOString();
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  await hub.transaction(async (tx) => {
    if (await tx.getMeta(DEMO_DONE)) return;
    const sites = [...ref.villages.map(({ kecamatanName: _k, ...site }) => site), ...ref.opd, ...ref.places];
    for (const site of sites) await writeSite(tx, site);
    for (const site of sites) await writeStatus(tx, randomStatus(site.id, at, random));

    for (const [n, model] of DEMO_SERIES.entries()) {
      await writeSeries(tx, demoSeries(model));
      let value = model.base;
      const recent: number[] = [];
      for (let i = HISTORY_READINGS - 1; i >= 0; i--) {
        value = Math.min(model.max, Math.max(model.min, value + (random() - 0.5) * 2 * model.step));
        recent.push(Number(value.toFixed(model.decimals)));
      }
      // A week of readings before those (demo-sectors.ts), for the dashboards' 7-day trends.
      const firstAt = now.getTime() - (HISTORY_READINGS - 1) * HISTORY_STEP_MS;
      const older = olderValues(model, recent[0]!, OLDER_READINGS, n);
      for (const [k, v] of older.entries()) {
        const readingAt = new Date(firstAt - (older.length - k) * OLDER_STEP_MS).toISOString();
        await writeReading(tx, { seriesId: model.series.id, at: readingAt, value: v });
      }
      for (const [k, v] of recent.entries()) {
        const readingAt = new Date(firstAt + k * HISTORY_STEP_MS).toISOString();
        await writeReading(tx, { seriesId: model.series.id, at: readingAt, value: v });
      }
    }

    const villages = new Map(ref.villages.map((v) => [v.id, v]));
    for (const inc of DEMO_INCIDENTS) {
      const village = villages.get(inc.villageCode);
      if (!village || !village.districtCode)
        throw new Error(`demo incident ${inc.id}: unknown village ${inc.villageCode}`);
      await writeIncident(
        tx,
        {
          id: inc.id,
          title: inc.title,
          sector: inc.sector,
          severity: inc.severity,
          status: inc.status,
          districtCode: village.districtCode,
          lat: Number((village.lat + (random() - 0.5) * 0.01).toFixed(6)),
          lon: Number((village.lon + (random() - 0.5) * 0.01).toFixed(6)),
          assignedOpd: inc.assignedOpd,
          reportedAt: ago(inc.minutesAgo),
        },
        ago(Math.max(0, inc.minutesAgo - 10)),
      );
    }
    const sign = await publishOwnKey(tx, 'operator', 'demo-seed', at);
    for (const d of [...DEMO_DECISIONS].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
      await appendDecision(
        tx,
        sign({
          id: d.id,
          incidentId: d.incidentId,
          decidedAt: ago(d.minutesAgo),
          summary: d.summary,
          rationale: d.rationale,
          action: d.action,
          operatorId: 'operator',
          consoleId: 'demo-seed',
        }),
      );
    }
    await tx.setMeta(DEMO_DONE, at);
  });
}
