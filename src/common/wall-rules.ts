// Rules that suggest a wall layout from what the cache holds. Pure: the host feeds it incidents and layouts and
// decides what to do with the answer; a presenter always takes or dismisses a suggestion, nothing switches alone.
import { z } from 'zod';
import { IsoTime, type Incident } from './entities';
import { PRESET_LAYOUTS } from './presets';

export const EMERGENCY_LAYOUT_ID = PRESET_LAYOUTS.find((p) => p.name === 'Darurat')?.id ?? '';

export const SuggestedIncident = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  districtCode: z.string(),
  severity: z.number().int(),
});
export const Suggestion = z.strictObject({
  rule: z.enum(['critical_incident']),
  layoutId: z.uuid(),
  layoutName: z.string(),
  /** The incidents behind it that nobody took or dismissed yet; taking or dismissing acknowledges exactly these. */
  incidents: z.array(SuggestedIncident).min(1),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** A layout put on the wall over what was there, to be undone as a whole ("Akhiri mode darurat"). */
export const Interrupt = z.strictObject({
  layoutId: z.uuid(),
  layoutName: z.string(),
  /** What the wall showed before; restored when the interrupt ends. */
  previousLayoutId: z.uuid().nullable(),
  startedAt: IsoTime,
  by: z.string(),
  incidentIds: z.array(z.uuid()),
});
export type Interrupt = z.infer<typeof Interrupt>;

export type RuleIncident = Pick<Incident, 'id' | 'title' | 'severity' | 'status' | 'districtCode'>;

export interface RuleInput {
  incidents: readonly RuleIncident[];
  layouts: readonly { id: string; name: string }[];
  /** The layout on the wall now. */
  showingLayoutId: string | null;
  interruptActive: boolean;
  /** Incidents a presenter already acted on (took or dismissed a suggestion for). */
  acknowledged: ReadonlySet<string>;
}

/** The emergency layout: the shipped one, or (if it was deleted and made again) whichever is named Darurat. */
export function emergencyLayout<L extends { id: string; name: string }>(layouts: readonly L[]): L | null {
  return (
    layouts.find((l) => l.id === EMERGENCY_LAYOUT_ID) ??
    layouts.find((l) => l.name.trim().toLocaleLowerCase('id') === 'darurat') ??
    null
  );
}

/** A critical incident (severity 4) is one the room must watch until it is closed. */
export function isCritical(i: RuleIncident): boolean {
  return i.severity === 4 && i.status !== 'closed';
}

/**
 * The suggestion to show now, or null. Quiet while an interrupt runs, while the wall already shows the
 * emergency layout, and for incidents a presenter already acted on (a new critical incident speaks up again).
 */
export function suggestLayout(input: RuleInput): Suggestion | null {
  if (input.interruptActive) return null;
  const target = emergencyLayout(input.layouts);
  if (!target || target.id === input.showingLayoutId) return null;
  const fresh = input.incidents.filter((i) => isCritical(i) && !input.acknowledged.has(i.id));
  if (fresh.length === 0) return null;
  return {
    rule: 'critical_incident',
    layoutId: target.id,
    layoutName: target.name,
    incidents: fresh.map((i) => ({ id: i.id, title: i.title, districtCode: i.districtCode, severity: i.severity })),
  };
}

/** Acknowledgements worth keeping: those of incidents still critical (so the set stays small, and one that cools and flares again speaks up). */
export function pruneAcknowledged(acknowledged: Iterable<string>, incidents: readonly RuleIncident[]): string[] {
  const critical = new Set(incidents.filter(isCritical).map((i) => i.id));
  return [...new Set(acknowledged)].filter((id) => critical.has(id));
}
