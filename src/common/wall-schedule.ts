// A time-of-day schedule of wall layouts ("07:00 Ikhtisar, 09:00 Rapat Pimpinan on weekdays"), in the room's
// time. Pure: the host asks which occurrence is in force at an instant it supplies, so tests need no waiting.
import { z } from 'zod';

/**
 * The room is in Kepanjen: WIB, UTC+7. Indonesia keeps no daylight saving time, so a fixed offset is exact,
 * and it does not depend on the host's time zone (a server may well run in UTC) or on its ICU data.
 */
export const ROOM_UTC_OFFSET_MINUTES = 7 * 60;

/** ISO weekdays, as the room says them: 1 Senin (Monday) ... 7 Minggu (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WORKDAYS = [1, 2, 3, 4, 5] as const;

export const ScheduleEntry = z.strictObject({
  id: z.string().min(1).max(64),
  /** Local time of day, 24-hour "HH:MM". */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 07:00'),
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  layoutId: z.uuid(),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

export const Schedule = z.strictObject({
  enabled: z.boolean(),
  entries: z.array(ScheduleEntry).max(100),
});
export type Schedule = z.infer<typeof Schedule>;

export const EMPTY_SCHEDULE: Schedule = { enabled: false, entries: [] };

/** One time an entry starts: `startsAt` is the UTC instant in ms; `key` names it, so it is applied once. */
export interface Occurrence {
  entry: ScheduleEntry;
  startsAt: number;
  key: string;
}

const DAY_MS = 86_400_000;

function minutesOf(at: string): number {
  return Number(at.slice(0, 2)) * 60 + Number(at.slice(3, 5));
}

/** Local midnight (as a UTC instant) of the room's day containing `now`, and that day's ISO weekday. */
function roomDay(now: number, offsetMin: number): { midnight: number; weekday: number } {
  const local = now + offsetMin * 60_000;
  const localMidnight = Math.floor(local / DAY_MS) * DAY_MS;
  const weekday = ((new Date(localMidnight).getUTCDay() + 6) % 7) + 1;
  return { midnight: localMidnight - offsetMin * 60_000, weekday };
}

function occurrencesOn(schedule: Schedule, dayOffset: number, now: number, offsetMin: number): Occurrence[] {
  const { midnight, weekday } = roomDay(now + dayOffset * DAY_MS, offsetMin);
  return schedule.entries
    .filter((e) => e.days.includes(weekday))
    .map((e) => {
      const startsAt = midnight + minutesOf(e.at) * 60_000;
      return { entry: e, startsAt, key: `${e.id}@${new Date(startsAt).toISOString()}` };
    });
}

/**
 * The entry in force at `now`: the latest start at or before it, looking back over the past week, so 01:00 on a
 * Tuesday still falls under Monday's 22:00 entry and a Monday morning under Friday's last one.
 */
export function currentOccurrence(
  schedule: Schedule,
  now: number,
  offsetMin = ROOM_UTC_OFFSET_MINUTES,
): Occurrence | null {
  let best: Occurrence | null = null;
  for (let d = 0; d >= -7; d--) {
    for (const o of occurrencesOn(schedule, d, now, offsetMin)) {
      if (o.startsAt <= now && (!best || o.startsAt > best.startsAt)) best = o;
    }
    if (best) return best;
  }
  return best;
}

/** The next start after `now`, within a week; what the console announces and when the host's timer should wake. */
export function nextOccurrence(
  schedule: Schedule,
  now: number,
  offsetMin = ROOM_UTC_OFFSET_MINUTES,
): Occurrence | null {
  let best: Occurrence | null = null;
  for (let d = 0; d <= 7; d++) {
    for (const o of occurrencesOn(schedule, d, now, offsetMin)) {
      if (o.startsAt > now && (!best || o.startsAt < best.startsAt)) best = o;
    }
    if (best) return best;
  }
  return best;
}

/**
 * What the host should switch to now, if anything: the occurrence in force, unless it was applied already
 * (`lastKey`). A presenter's own switch after an entry started therefore stands until the next entry starts.
 */
export function dueOccurrence(
  schedule: Schedule,
  now: number,
  lastKey: string | null,
  offsetMin = ROOM_UTC_OFFSET_MINUTES,
): Occurrence | null {
  if (!schedule.enabled) return null;
  const current = currentOccurrence(schedule, now, offsetMin);
  return current && current.key !== lastKey ? current : null;
}

export type ScheduleProblem =
  { code: 'same_time'; at: string; day: number } | { code: 'unknown_layout'; entryId: string; layoutId: string };

/** Two entries starting at the same minute of the same day would leave the wall to chance; unknown layouts never show. */
export function scheduleProblems(schedule: Schedule, layoutIds: ReadonlySet<string>): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const taken = new Set<string>();
  for (const e of schedule.entries) {
    for (const day of new Set(e.days)) {
      const slot = `${day} ${e.at}`;
      if (taken.has(slot)) problems.push({ code: 'same_time', at: e.at, day });
      taken.add(slot);
    }
    if (!layoutIds.has(e.layoutId)) problems.push({ code: 'unknown_layout', entryId: e.id, layoutId: e.layoutId });
  }
  return problems;
}
