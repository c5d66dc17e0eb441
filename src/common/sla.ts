// SLA clocks per severity: minutes from the report to verification, to dispatch, and to resolution.
import { z } from 'zod';
import type { IncidentStatus } from './entities';

const Minutes = z
  .number()
  .int()
  .positive()
  .max(60 * 24 * 365);
export const SlaTargets = z
  .strictObject({ verify: Minutes, dispatch: Minutes, resolve: Minutes })
  .refine((s) => s.verify <= s.dispatch && s.dispatch <= s.resolve, {
    message: 'expected verify <= dispatch <= resolve',
  });
export type SlaTargets = z.infer<typeof SlaTargets>;
export const SlaPolicy = z.strictObject({
  comment: z.string().optional(),
  severity: z.strictObject({ 1: SlaTargets, 2: SlaTargets, 3: SlaTargets, 4: SlaTargets }),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export type SlaStage = 'verify' | 'dispatch' | 'resolve';
/** ok: under three quarters of the time used; due: the last quarter; overdue: past the target. */
export type SlaState = 'ok' | 'due' | 'overdue';
export interface SlaClock {
  stage: SlaStage;
  dueAt: string;
  remainingMs: number;
  state: SlaState;
}

/** The step each open status waits for; resolved and closed incidents run no clock. */
const STAGE: Partial<Record<IncidentStatus, SlaStage>> = {
  reported: 'verify',
  verified: 'dispatch',
  dispatched: 'resolve',
};

/** The running clock of an incident now, measured from its report, or null when it waits for nothing. */
export function slaClock(
  incident: { status: IncidentStatus; severity: number; reportedAt: string },
  policy: SlaPolicy,
  now: number,
): SlaClock | null {
  const stage = STAGE[incident.status];
  const targets = policy.severity[incident.severity as 1 | 2 | 3 | 4];
  const reported = Date.parse(incident.reportedAt);
  if (!stage || !targets || !Number.isFinite(reported)) return null;
  const budget = targets[stage] * 60_000;
  const due = reported + budget;
  const remainingMs = due - now;
  const state: SlaState = remainingMs < 0 ? 'overdue' : remainingMs < budget / 4 ? 'due' : 'ok';
  return { stage, dueAt: new Date(due).toISOString(), remainingMs, state };
}

/** Overdue first (most overdue on top), then the nearest deadline; incidents without a clock last. */
export function bySlaUrgency(a: SlaClock | null, b: SlaClock | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.remainingMs - b.remainingMs;
}
