// Writes the hub makes on its own (seed and simulator), through the same change log as client mutations; the
// incident writer is also the mutation service's.
import type { Incident, IncidentInput, Reading, Series, Site, SiteState, Status } from '../../common/entities';
import { incidentRecord } from '../../common/incident-record';
import type { HubTx, StoredRecord } from './hub-storage';
import { HUB_ACTOR, writeIncidentEvents, type Actor } from './incident-lifecycle';

export type Random = () => number;

/** A small seeded generator, so a demo seed is the same on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], random: Random): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

const round = (n: number, decimals: number) => Number(n.toFixed(decimals));

/** A plausible link reading: most sites up, some degraded, a few down. */
export function randomStatus(
  siteId: string,
  at: string,
  random: Random,
  weights = { down: 0.04, degraded: 0.1 },
): Status {
  const r = random();
  const state: SiteState = r < weights.down ? 'down' : r < weights.down + weights.degraded ? 'degraded' : 'up';
  if (state === 'down') return { siteId, at, state, latencyMs: null, bandwidthMbps: null };
  const degraded = state === 'degraded';
  return {
    siteId,
    at,
    state,
    latencyMs: Math.round(degraded ? 180 + random() * 600 : 8 + random() * 70),
    bandwidthMbps: round(degraded ? 0.5 + random() * 5 : 10 + random() * 90, 1),
  };
}

// All of these run inside a write transaction (HubStorage.transaction()).

export async function writeSite(tx: HubTx, site: Site): Promise<void> {
  await tx.write('site', site.id, 'upsert', () => site);
}

/** Newest `at` wins: a status older than the one held is ignored. Returns whether it was written. */
export async function writeStatus(tx: HubTx, status: Status): Promise<boolean> {
  const held = await tx.getRecord('status', status.siteId);
  if (held && !held.deleted && (held.data as Status).at > status.at) return false;
  await tx.write('status', status.siteId, 'upsert', () => status, held ?? null);
  return true;
}

export async function writeSeries(tx: HubTx, series: Series): Promise<void> {
  await tx.write('series', series.id, 'upsert', () => series);
}

/** Readings are append only; the id names the series and the instant. */
export async function writeReading(tx: HubTx, reading: Reading): Promise<void> {
  await tx.write('reading', `${reading.seriesId}@${reading.at}`, 'upsert', () => reading);
}

/**
 * The hub's one way from an incident input to its record: an operator's mutation (once checked) and the hub's own
 * changes (field report, automatic escalation) alike. A new version each time, and the timeline entries of the
 * change in the same transaction.
 */
export async function writeIncident(
  tx: HubTx,
  input: IncidentInput,
  updatedAt: string,
  actor: Actor = HUB_ACTOR,
  heldRecord?: StoredRecord | null,
): Promise<{ incident: Incident; seq: number; version: number }> {
  // null: the caller looked and there is none; undefined: look now.
  const held = heldRecord === undefined ? await tx.getRecord('incident', input.id) : (heldRecord ?? undefined);
  let written: Incident | undefined;
  const at = await tx.write(
    'incident',
    input.id,
    'upsert',
    (_seq, version) => {
      written = incidentRecord(input, updatedAt, version);
      return written;
    },
    held ?? null,
  );
  const incident = written as Incident;
  await writeIncidentEvents(tx, held && !held.deleted ? (held.data as Incident) : null, incident, actor, updatedAt);
  return { incident, ...at };
}
