// v1.1 sector thresholds: a supervisor's upsert of a series may change its thresholds and nothing else.
import { canonicalJson } from '../../common/canonical-json';
import type { Series } from '../../common/entities';
import type { HubTx } from './hub-storage';

export type ThresholdOutcome =
  { ok: true; seq: number; version: number } | { ok: false; code: string; message: string; fields?: string[] };

/** Writes the series with the thresholds given (none: they are removed); every other field must be as held. */
export async function upsertSeriesThresholds(tx: HubTx, input: Series): Promise<ThresholdOutcome> {
  const held = await tx.getRecord('series', input.id);
  if (!held || held.deleted)
    return { ok: false, code: 'not_found', message: `no series ${input.id}; series are fed by the central side` };
  const current = held.data as Series;
  const keys = new Set([...Object.keys(current), ...Object.keys(input)]);
  keys.delete('thresholds');
  const changed = [...keys].filter(
    (k) =>
      canonicalJson((current as Record<string, unknown>)[k] ?? null) !==
      canonicalJson((input as Record<string, unknown>)[k] ?? null),
  );
  if (changed.length > 0) {
    return {
      ok: false,
      code: 'invalid_data',
      message: `only the thresholds of a series may be written; ${changed.join(', ')} must stay as they are`,
      fields: changed.map((f) => `data.${f}`),
    };
  }
  const { thresholds, ...rest } = input;
  const written = await tx.write(
    'series',
    input.id,
    'upsert',
    () => (thresholds ? { ...rest, thresholds } : rest),
    held,
  );
  return { ok: true, ...written };
}
