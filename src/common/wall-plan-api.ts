// The host contract's part for editing layouts and planning the wall (schedule, suggestions, interrupts).
// Kept apart from host-api.ts, which spreads these maps into REQUESTS and EVENTS.
import { z } from 'zod';
import { IsoTime, Layout, Uuid } from './entities';
import { LayoutDraft } from './layout-check';
import { Interrupt, Suggestion } from './wall-rules';
import { Schedule } from './wall-schedule';

const Empty = z.strictObject({});

/** An edit the central side did not take: lost to someone else's change first (conflict) or refused (rejected). */
export const LayoutLostEdit = z.strictObject({
  /** The outbox entry; `outbox.dismiss` with this id puts it away. */
  id: Uuid,
  layoutId: Uuid,
  op: z.enum(['upsert', 'delete']),
  state: z.enum(['conflict', 'rejected']),
  code: z.string(),
  message: z.string(),
  /** The presenter's version, to look at or take up again; null for a deletion. */
  yours: LayoutDraft.nullable(),
  /** The central record that won, when the central side said. */
  central: Layout.nullable(),
  clientTime: IsoTime,
});
export type LayoutLostEdit = z.infer<typeof LayoutLostEdit>;

export const ScheduleView = z.strictObject({
  schedule: Schedule,
  /** The next start, in the room's time, while the schedule is on. */
  next: z.strictObject({ at: IsoTime, entryId: z.string(), layoutId: Uuid }).nullable(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;

export const WallAdvice = z.strictObject({
  suggestion: Suggestion.nullable(),
  interrupt: Interrupt.nullable(),
  /** The layout ending the interrupt would show: the one it replaced, or the one the schedule says by now. */
  restoreLayoutId: Uuid.nullable(),
});
export type WallAdvice = z.infer<typeof WallAdvice>;

const IncidentIds = z.array(Uuid).max(500);

export const WALL_PLAN_REQUESTS = {
  /** Creates (no baseVersion) or updates the layout the presenter edited; shows at once as pending. */
  'layouts.save': {
    input: z.strictObject({ layout: LayoutDraft, baseVersion: z.number().int().positive().optional() }),
    output: z.strictObject({ layout: Layout }),
  },
  'layouts.delete': { input: z.strictObject({ id: Uuid, baseVersion: z.number().int().positive() }), output: Empty },
  'layouts.conflicts': { input: Empty, output: z.strictObject({ edits: z.array(LayoutLostEdit) }) },
  'schedule.get': { input: Empty, output: ScheduleView },
  'schedule.save': { input: z.strictObject({ schedule: Schedule }), output: ScheduleView },
  'wall.advice': { input: Empty, output: WallAdvice },
  /** Puts the suggested layout on the wall as an interrupt, remembering what it replaces. */
  'wall.takeSuggestion': { input: z.strictObject({ layoutId: Uuid, incidentIds: IncidentIds }), output: WallAdvice },
  'wall.dismissSuggestion': { input: z.strictObject({ incidentIds: IncidentIds }), output: WallAdvice },
  /** Ends the interrupt and restores the layout it replaced (or the one the schedule says by now). */
  'wall.endInterrupt': { input: Empty, output: WallAdvice },
} as const;

export const WALL_PLAN_EVENTS = {
  'wall.advice': WallAdvice,
  'schedule.changed': ScheduleView,
} as const;
