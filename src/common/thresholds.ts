// Sector thresholds of central-api.md v1.1: a series may say when a reading is a warning or critical.
import { z } from 'zod';

export const Thresholds = z
  .strictObject({
    direction: z.enum(['above', 'below']),
    warning: z.number(),
    critical: z.number(),
  })
  .refine((t) => (t.direction === 'above' ? t.critical >= t.warning : t.critical <= t.warning), {
    message: 'critical must lie past warning in the threshold direction',
    path: ['critical'],
  });
export type Thresholds = z.infer<typeof Thresholds>;

export const LEVELS = ['normal', 'warning', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** "Past" a threshold: beyond it in the direction (a reading equal to it is not past it). No thresholds, or a non-finite value, is normal. */
export function levelOf(value: number, t: Thresholds | null | undefined): Level {
  if (!t || !Number.isFinite(value)) return 'normal';
  const past = (limit: number) => (t.direction === 'above' ? value > limit : value < limit);
  if (past(t.critical)) return 'critical';
  if (past(t.warning)) return 'warning';
  return 'normal';
}

/** True when a reading moved into a worse level than the one before (an alert is raised for it). */
export function crossedUp(before: Level, after: Level): boolean {
  return LEVELS.indexOf(after) > LEVELS.indexOf(before);
}
