// Writes the hub makes on its own (seed and simulator), through the same change log as client mutations; the
// incident writer is also the mutation service's.
import type { Incident, IncidentInput, Reading, Series, Site, SiteState, Status } from '../../common/entities';
import { incidentRecord } from '../../common/incident-record';
import type { HubDb, StoredRecord } from './hub-db';
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

// All of these must run inside HubDb.transaction().

export function writeSite(hub: HubDb, site: Site): void {
  hub.write('site', site.id, 'upsert', () => site);
}

/** Newest `at` wins: a status older than the one held is ignored. Returns whether it was written. */
export function writeStatus(hub: HubDb, status: Status): boolean {
  const held = hub.getRecord('status', status.siteId);
  if (held && !held.deleted && (held.data as Status).at > status.at) return false;
  hub.write('status', status.siteId, 'upsert', () => status);
  return true;
}

export function writeSeries(hub: HubDb, series: Series): void {
  hub.write('series', series.id, 'upsert', () => series);
}

/** Readings are append only; the id names the series and the instant. */
export function writeReading(hub: HubDb, reading: Reading): void {
  hub.write('reading', `${reading.seriesId}@${reading.at}`, 'upsert', () => reading);
}

/**
 * The hub's one way from an incident input to its record: an operator's mutation (once checked) and the hub's own
 * changes (field report, automatic escalation) alike. A new version each time, and the timeline entries of the
 * change in the same transaction.
 */
export function writeIncident(
  hub: HubDb,
  input: IncidentInput,
  updatedAt: string,
  actor: Actor = HUB_ACTOR,
  held: StoredRecord | undefined = hub.getRecord('incident', input.id),
): { incident: Incident; seq: number; version: number } {
  let written: Incident | undefined;
  const at = hub.write('incident', input.id, 'upsert', (_seq, version) => {
    written = incidentRecord(input, updatedAt, version);
    return written;
  });
  const incident = written as Incident;
  writeIncidentEvents(hub, held && !held.deleted ? (held.data as Incident) : null, incident, actor, updatedAt);
  return { incident, ...at };
}
