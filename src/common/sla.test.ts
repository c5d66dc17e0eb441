import { describe, expect, it } from 'vitest';
import { bySlaUrgency, slaClock, SlaPolicy } from './sla';

const policy = SlaPolicy.parse({
  severity: {
    1: { verify: 60, dispatch: 240, resolve: 2880 },
    2: { verify: 30, dispatch: 120, resolve: 1440 },
    3: { verify: 15, dispatch: 45, resolve: 480 },
    4: { verify: 5, dispatch: 15, resolve: 120 },
  },
});
const at = Date.parse('2026-12-01T10:00:00.000Z');
const inc = (status: string, severity = 4) => ({
  status: status as 'reported',
  severity,
  reportedAt: '2026-12-01T10:00:00.000Z',
});

describe('SLA clocks', () => {
  it('runs the clock of the step the status waits for, from the report', () => {
    expect(slaClock(inc('reported'), policy, at + 60_000)).toEqual({
      stage: 'verify',
      dueAt: '2026-12-01T10:05:00.000Z',
      remainingMs: 240_000,
      state: 'ok',
    });
    expect(slaClock(inc('reported'), policy, at + 4 * 60_000)).toMatchObject({ state: 'due' });
    expect(slaClock(inc('reported'), policy, at + 6 * 60_000)).toMatchObject({
      state: 'overdue',
      remainingMs: -60_000,
    });
    expect(slaClock(inc('verified'), policy, at + 6 * 60_000)).toMatchObject({ stage: 'dispatch', state: 'ok' });
    expect(slaClock(inc('dispatched'), policy, at + 121 * 60_000)).toMatchObject({
      stage: 'resolve',
      state: 'overdue',
    });
    expect(slaClock(inc('resolved'), policy, at)).toBeNull();
    expect(slaClock(inc('closed'), policy, at)).toBeNull();
  });

  it('sorts overdue first, most overdue on top, and clockless last', () => {
    const now = at + 20 * 60_000;
    const clocks = [inc('resolved'), inc('verified', 1), inc('reported', 4), inc('verified', 4)].map((i) =>
      slaClock(i, policy, now),
    );
    const sorted = [...clocks].sort(bySlaUrgency);
    expect(sorted.map((c) => c && `${c.stage}:${c.state}`)).toEqual([
      'verify:overdue',
      'dispatch:overdue',
      'dispatch:ok',
      null,
    ]);
  });

  it('refuses a policy with a missing severity or targets out of order', () => {
    expect(
      SlaPolicy.safeParse({ severity: { 1: policy.severity[1], 2: policy.severity[2], 3: policy.severity[3] } })
        .success,
    ).toBe(false);
    expect(
      SlaPolicy.safeParse({ severity: { ...policy.severity, 4: { verify: 30, dispatch: 15, resolve: 120 } } }).success,
    ).toBe(false);
  });
});
