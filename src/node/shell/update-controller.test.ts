import { describe, expect, it } from 'vitest';
import type { UpdateReport } from '../../common/update-api';
import { EMPTY_SCHEDULE } from '../../common/wall-schedule';
import { ManualClock } from '../ports/clock';
import { UpdateController } from './update-controller';
import { DEFAULT_UPDATE_POLICY, type RoomState } from './update-policy';

const HOUR = 3_600_000;
const flush = () => new Promise((r) => setImmediate(r));

/** ManualClock starts at 1970-01-01T00:00Z, 07:00 WIB on a Thursday; the quiet hour opens 19 hours later. */
function setup(found: (string | null | Error)[] = ['0.2.0']) {
  const clock = new ManualClock();
  const room: RoomState = { emergencyLive: false, presentationLive: false, pendingWrites: 0, schedule: EMPTY_SCHEDULE };
  const reports: UpdateReport[] = [];
  const host = { down: false };
  let checks = 0;
  const installs: number[] = [];
  const controller = new UpdateController({
    clock,
    config: DEFAULT_UPDATE_POLICY,
    currentVersion: '0.1.0',
    updater: {
      checkAndDownload: async (taken) => {
        const next = found[Math.min(checks, found.length - 1)] ?? null;
        checks++;
        if (next instanceof Error) throw next;
        if (next) taken(next);
        return next;
      },
      install: () => installs.push(clock.now()),
    },
    room: async () => {
      if (host.down) throw new Error('Nawa is closing.');
      return { ...room };
    },
    report: (r) => reports.push(r),
  });
  const last = () => reports[reports.length - 1] as UpdateReport;
  const advance = async (ms: number) => {
    // Minute steps, letting the controller's promises settle between them as real time would.
    for (let left = ms; left > 0; left -= 60_000) {
      clock.advance(Math.min(60_000, left));
      await flush();
    }
  };
  return { clock, room, host, reports, last, installs, controller, advance, checks: () => checks };
}

describe('UpdateController', () => {
  it('checks at start and every four hours', async () => {
    const t = setup([null]);
    t.controller.start();
    await flush();
    expect(t.checks()).toBe(1);
    expect(t.last()).toMatchObject({ state: 'idle', version: null, channel: 'stable', current: '0.1.0' });
    await t.advance(8 * HOUR);
    expect(t.checks()).toBe(3);
    t.controller.stop();
  });

  it('downloads at once, says when it installs, and installs at the quiet hour', async () => {
    const t = setup();
    t.controller.start();
    await flush();
    expect(t.reports.map((r) => r.state)).toEqual(['idle', 'checking', 'downloading', 'downloaded', 'downloaded']);
    expect(t.last()).toMatchObject({
      state: 'downloaded',
      version: '0.2.0',
      installAt: '1970-01-01T19:00:00.000Z',
      blockers: [],
    });
    await t.advance(18 * HOUR + 59 * 60_000);
    expect(t.installs).toEqual([]);
    await t.advance(2 * 60_000);
    expect(t.installs).toEqual([19 * HOUR]);
    expect(t.last().state).toBe('installing');
    // Installing once is enough: nothing asks again.
    await t.advance(HOUR);
    expect(t.installs).toHaveLength(1);
  });

  it('waits out an emergency inside the quiet hours, then installs; a window missed whole moves to the next night', async () => {
    const t = setup();
    t.room.emergencyLive = true;
    t.controller.start();
    await t.advance(19 * HOUR + 30 * 60_000);
    expect(t.installs).toEqual([]);
    expect(t.last()).toMatchObject({ blockers: ['emergency'] });
    t.room.emergencyLive = false;
    await t.advance(2 * 60_000);
    expect(t.installs).toHaveLength(1);

    const u = setup();
    u.room.pendingWrites = 2;
    u.controller.start();
    await u.advance(21 * HOUR + 5 * 60_000); // 04:05 WIB: the window is over
    expect(u.last()).toMatchObject({ blockers: ['pending_writes'], installAt: '1970-01-02T19:00:00.000Z' });
    u.room.pendingWrites = 0;
    await u.advance(HOUR);
    expect(u.installs).toEqual([]);
    await u.advance(22 * HOUR);
    expect(u.installs).toEqual([43 * HOUR]);
  });

  it('a supervisor yes installs during the day once the presentation ends', async () => {
    const t = setup();
    t.room.presentationLive = true;
    t.controller.start();
    await t.advance(5 * HOUR); // 12:00 WIB
    t.controller.approve('0.1.9'); // not the downloaded version: ignored
    await flush();
    expect(t.installs).toEqual([]);
    t.controller.approve('0.2.0');
    await flush();
    expect(t.installs).toEqual([]);
    expect(t.last()).toMatchObject({ blockers: ['presentation'], installAt: new Date(5 * HOUR).toISOString() });
    t.room.presentationLive = false;
    await t.advance(60_000);
    expect(t.installs).toEqual([5 * HOUR + 60_000]);
  });

  it('a failed check is reported and the next one still comes; a host that cannot answer blocks the install', async () => {
    const t = setup([new Error('getaddrinfo ENOTFOUND updates.example\n    at stack'), '0.2.0']);
    t.controller.start();
    await flush();
    expect(t.last()).toMatchObject({ state: 'error', error: 'getaddrinfo ENOTFOUND updates.example' });
    t.host.down = true;
    await t.advance(4 * HOUR);
    expect(t.last()).toMatchObject({ state: 'downloaded', version: '0.2.0', error: null });
    await t.advance(16 * HOUR); // 03:00 WIB, in the quiet hours
    expect(t.installs).toEqual([]);
    t.host.down = false;
    await t.advance(60_000);
    expect(t.installs).toHaveLength(1);
  });
});
