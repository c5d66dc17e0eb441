import { describe, expect, it } from 'vitest';
import { EMPTY_SCHEDULE, type Schedule } from '../../common/wall-schedule';
import { readUpdateConfig } from './update-config';
import {
  DEFAULT_UPDATE_POLICY,
  compareVersions,
  decideInstall,
  inQuietHours,
  inScheduleHours,
  judgeRelease,
  nextQuietStart,
  rolloutPoint,
  type RoomState,
} from './update-policy';

/** An instant given in the room's time (WIB, UTC+7). */
const wib = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const calm: RoomState = { emergencyLive: false, presentationLive: false, pendingWrites: 0, schedule: EMPTY_SCHEDULE };
const LAYOUT = '0b0f5a52-6a55-4d2b-9a39-5a3f6f3f1c11';
const weekdays: Schedule = {
  enabled: true,
  entries: [
    { id: 'pagi', at: '07:00', days: [1, 2, 3, 4, 5], layoutId: LAYOUT },
    { id: 'rapat', at: '09:00', days: [1, 2, 3, 4, 5], layoutId: LAYOUT },
    { id: 'sore', at: '17:00', days: [1, 2, 3, 4, 5], layoutId: LAYOUT },
  ],
};

describe('versions', () => {
  it('orders releases and pre-releases by semantic-version precedence', () => {
    const sorted = ['1.0.0', '0.9.9', '1.0.0-beta.2', '1.0.0-beta.10', '1.0.0-alpha', '1.0.1', '1.0.0-beta'];
    sorted.sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.0.0-alpha', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.10', '1.0.0', '1.0.1']);
    expect(() => compareVersions('1.0', '1.0.0')).toThrow(/not a version: 1.0/);
  });
});

describe('judgeRelease', () => {
  it('never takes an older or the same version', () => {
    expect(judgeRelease('0.3.0', { version: '0.2.9' }, 'stable', 'c1')).toBe('not_newer');
    expect(judgeRelease('0.3.0', { version: '0.3.0' }, 'beta', 'c1')).toBe('not_newer');
    expect(judgeRelease('0.3.0-beta.2', { version: '0.3.0-beta.1' }, 'beta', 'c1')).toBe('not_newer');
    expect(judgeRelease('0.3.0', { version: '0.4.0' }, 'stable', 'c1')).toBe('take');
  });

  it('keeps pre-releases to the beta channel', () => {
    expect(judgeRelease('0.3.0', { version: '0.4.0-beta.1' }, 'stable', 'c1')).toBe('wrong_channel');
    expect(judgeRelease('0.3.0', { version: '0.4.0-beta.1' }, 'beta', 'c1')).toBe('take');
    // A beta console moves on to the stable release that follows its beta.
    expect(judgeRelease('0.4.0-beta.1', { version: '0.4.0' }, 'beta', 'c1')).toBe('take');
  });

  it('refuses text that is not a version', () => {
    expect(judgeRelease('0.3.0', { version: 'latest' }, 'stable', 'c1')).toBe('invalid_version');
  });

  it('honours stagingPercentage with a stable point per console', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `console-${i.toString(16).padStart(8, '0')}`);
    const taking = (pct: number | string) =>
      ids.filter((id) => judgeRelease('1.0.0', { version: '1.1.0', stagingPercentage: pct }, 'stable', id) === 'take');
    expect(taking(0)).toEqual([]);
    expect(taking(100)).toHaveLength(400);
    const quarter = taking(25);
    // Roughly a quarter, and raising the share only adds consoles.
    expect(quarter.length).toBeGreaterThan(60);
    expect(quarter.length).toBeLessThan(140);
    const half = taking('50');
    expect(half.length).toBeGreaterThan(quarter.length);
    expect(quarter.every((id) => half.includes(id))).toBe(true);
    // The same console gets the same answer every time it asks.
    expect(rolloutPoint('console-00000007')).toBe(rolloutPoint('console-00000007'));
    expect(taking('lots')).toEqual([]);
  });
});

describe('quiet hours', () => {
  it('default 02:00-04:00 WIB, whatever the machine time zone', () => {
    expect(inQuietHours(wib('2026-12-02T01:59'), DEFAULT_UPDATE_POLICY)).toBe(false);
    expect(inQuietHours(wib('2026-12-02T02:00'), DEFAULT_UPDATE_POLICY)).toBe(true);
    expect(inQuietHours(wib('2026-12-02T03:59'), DEFAULT_UPDATE_POLICY)).toBe(true);
    expect(inQuietHours(wib('2026-12-02T04:00'), DEFAULT_UPDATE_POLICY)).toBe(false);
    expect(nextQuietStart(wib('2026-12-02T10:15'), DEFAULT_UPDATE_POLICY)).toBe(wib('2026-12-03T02:00'));
    expect(nextQuietStart(wib('2026-12-02T01:00'), DEFAULT_UPDATE_POLICY)).toBe(wib('2026-12-02T02:00'));
  });

  it('a window across midnight', () => {
    const config = { ...DEFAULT_UPDATE_POLICY, quietFrom: '23:30', quietTo: '00:30' };
    expect(inQuietHours(wib('2026-12-02T23:45'), config)).toBe(true);
    expect(inQuietHours(wib('2026-12-03T00:15'), config)).toBe(true);
    expect(inQuietHours(wib('2026-12-03T00:45'), config)).toBe(false);
  });
});

describe('schedule hours', () => {
  it('run from the first to the last start of the day, on the schedule days only', () => {
    // 2026-12-02 is a Wednesday, 2026-12-05 a Saturday.
    expect(inScheduleHours(weekdays, wib('2026-12-02T06:59'), 420)).toBe(false);
    expect(inScheduleHours(weekdays, wib('2026-12-02T07:00'), 420)).toBe(true);
    expect(inScheduleHours(weekdays, wib('2026-12-02T16:30'), 420)).toBe(true);
    expect(inScheduleHours(weekdays, wib('2026-12-02T17:01'), 420)).toBe(false);
    expect(inScheduleHours(weekdays, wib('2026-12-05T10:00'), 420)).toBe(false);
    expect(inScheduleHours({ ...weekdays, enabled: false }, wib('2026-12-02T10:00'), 420)).toBe(false);
  });
});

describe('decideInstall', () => {
  const night = wib('2026-12-02T02:30');
  const noon = wib('2026-12-02T12:00');

  it('installs on its own only in the quiet hours', () => {
    expect(decideInstall(night, calm, false, DEFAULT_UPDATE_POLICY)).toEqual({ install: true });
    expect(decideInstall(noon, calm, false, DEFAULT_UPDATE_POLICY)).toEqual({
      install: false,
      blockers: [],
      installAt: wib('2026-12-03T02:00'),
    });
  });

  it('a supervisor yes installs at once when the room allows it', () => {
    expect(decideInstall(noon, calm, true, DEFAULT_UPDATE_POLICY)).toEqual({ install: true });
  });

  it('never over an emergency, a presentation, unsynced writes or the schedule hours, approved or not', () => {
    const cases: [Partial<RoomState>, string][] = [
      [{ emergencyLive: true }, 'emergency'],
      [{ presentationLive: true }, 'presentation'],
      [{ pendingWrites: 3 }, 'pending_writes'],
      [{ schedule: weekdays }, 'schedule_hours'],
    ];
    for (const [change, blocker] of cases) {
      const room = { ...calm, ...change };
      const at = blocker === 'schedule_hours' ? noon : night;
      for (const approved of [false, true]) {
        const d = decideInstall(at, room, approved, DEFAULT_UPDATE_POLICY);
        expect(d.install, `${blocker} approved=${approved}`).toBe(false);
        if (!d.install) expect(d.blockers).toEqual([blocker]);
      }
    }
  });
});

describe('readUpdateConfig', () => {
  it('reads the channel, quiet hours and check interval, and names a wrong variable', () => {
    expect(readUpdateConfig({})).toEqual(DEFAULT_UPDATE_POLICY);
    expect(
      readUpdateConfig({
        NAWA_UPDATE_CHANNEL: 'beta',
        NAWA_UPDATE_QUIET_HOURS: '01:00-03:30',
        NAWA_UPDATE_CHECK_HOURS: '2',
      }),
    ).toMatchObject({ channel: 'beta', quietFrom: '01:00', quietTo: '03:30', checkEveryMs: 2 * 3_600_000 });
    expect(() => readUpdateConfig({ NAWA_UPDATE_CHANNEL: 'nightly' })).toThrow(
      /NAWA_UPDATE_CHANNEL=nightly: expected stable or beta/,
    );
    expect(() => readUpdateConfig({ NAWA_UPDATE_QUIET_HOURS: '2-4' })).toThrow(/NAWA_UPDATE_QUIET_HOURS/);
    expect(() => readUpdateConfig({ NAWA_UPDATE_CHECK_HOURS: '0' })).toThrow(/NAWA_UPDATE_CHECK_HOURS/);
  });
});
