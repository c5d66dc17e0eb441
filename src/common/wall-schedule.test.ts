import { describe, expect, it } from 'vitest';
import {
  currentOccurrence,
  dueOccurrence,
  nextOccurrence,
  scheduleProblems,
  WORKDAYS,
  type Schedule,
} from './wall-schedule';

const IKHTISAR = '6e1f0a52-0000-4000-8000-000000000001';
const FOKUS = '6e1f0a52-0000-4000-8000-000000000002';
const RAPAT = '6e1f0a52-0000-4000-8000-000000000004';
const weekdays: Schedule = {
  enabled: true,
  entries: [
    { id: 'pagi', at: '07:00', days: [...WORKDAYS], layoutId: IKHTISAR },
    { id: 'rapat', at: '09:00', days: [...WORKDAYS], layoutId: RAPAT },
  ],
};
const withNight: Schedule = {
  ...weekdays,
  entries: [...weekdays.entries, { id: 'malam', at: '22:00', days: [1, 2, 3, 4, 5, 6, 7], layoutId: FOKUS }],
};
/** A UTC instant, as a host running in UTC sees the clock. 2026-12-01 is a Tuesday. */
const utc = (iso: string) => Date.parse(iso);
const at = (s: Schedule, iso: string) => currentOccurrence(s, utc(iso))?.entry.id ?? null;

describe('wall schedule', () => {
  it('reads the room clock (WIB, UTC+7), not the host clock', () => {
    expect(at(weekdays, '2026-12-01T01:59:00Z')).toBe('pagi'); // 08:59 WIB
    expect(at(weekdays, '2026-12-01T02:00:00Z')).toBe('rapat'); // 09:00 WIB
    // 23:30 UTC on Monday is 06:30 WIB on Tuesday: still Monday's last entry.
    expect(at(weekdays, '2026-11-30T23:30:00Z')).toBe('rapat');
    expect(at(weekdays, '2026-12-01T00:00:00Z')).toBe('pagi'); // 07:00 WIB sharp
  });

  it('wraps over midnight: after 22:00 and before 07:00 the night entry holds', () => {
    expect(at(withNight, '2026-12-01T15:00:00Z')).toBe('malam'); // 22:00 WIB Tuesday
    expect(at(withNight, '2026-12-01T17:30:00Z')).toBe('malam'); // 00:30 WIB Wednesday
    const o = currentOccurrence(withNight, utc('2026-12-01T18:00:00Z'))!; // 01:00 WIB Wednesday
    expect(new Date(o.startsAt).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('carries a weekday schedule over the weekend and finds Monday morning next', () => {
    expect(at(weekdays, '2026-12-05T01:00:00Z')).toBe('rapat'); // Saturday 08:00 WIB: Friday's 09:00 holds
    const next = nextOccurrence(weekdays, utc('2026-12-04T16:00:00Z'))!; // Friday 23:00 WIB
    expect(next.entry.id).toBe('pagi');
    expect(new Date(next.startsAt).toISOString()).toBe('2026-12-07T00:00:00.000Z'); // Monday 07:00 WIB
  });

  it('applies each start once, and not at all when switched off or empty', () => {
    const now = utc('2026-12-01T02:30:00Z');
    const due = dueOccurrence(weekdays, now, null)!;
    expect(due.entry.id).toBe('rapat');
    expect(dueOccurrence(weekdays, now, due.key)).toBeNull();
    expect(dueOccurrence(weekdays, utc('2026-12-02T00:00:00Z'), due.key)?.entry.id).toBe('pagi');
    expect(dueOccurrence({ ...weekdays, enabled: false }, now, null)).toBeNull();
    expect(currentOccurrence({ enabled: true, entries: [] }, now)).toBeNull();
    expect(nextOccurrence({ enabled: true, entries: [] }, now)).toBeNull();
  });

  it('refuses two entries at the same minute of a day, and layouts it does not know', () => {
    const clash: Schedule = {
      enabled: true,
      entries: [...weekdays.entries, { id: 'x', at: '09:00', days: [5, 6], layoutId: FOKUS }],
    };
    expect(scheduleProblems(clash, new Set([IKHTISAR, RAPAT]))).toEqual([
      { code: 'same_time', at: '09:00', day: 5 },
      { code: 'unknown_layout', entryId: 'x', layoutId: FOKUS },
    ]);
    expect(scheduleProblems(weekdays, new Set([IKHTISAR, RAPAT]))).toEqual([]);
  });
});
