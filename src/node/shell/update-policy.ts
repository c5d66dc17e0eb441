// When the Electron shell may take and install an update. Pure: the shell supplies the instant, the release it
// found and what the room is doing; nothing here waits, reads a clock or touches the network.
import { ROOM_UTC_OFFSET_MINUTES, type Schedule } from '../../common/wall-schedule';

export type UpdateChannel = 'stable' | 'beta';

export interface UpdatePolicyConfig {
  channel: UpdateChannel;
  /** How often to look for a release after the check at start. */
  checkEveryMs: number;
  /** Room time ("HH:MM", 24-hour) between which a downloaded update installs on its own. */
  quietFrom: string;
  quietTo: string;
  offsetMinutes: number;
}

export const DEFAULT_UPDATE_POLICY: UpdatePolicyConfig = {
  channel: 'stable',
  checkEveryMs: 4 * 60 * 60_000,
  quietFrom: '02:00',
  quietTo: '04:00',
  offsetMinutes: ROOM_UTC_OFFSET_MINUTES,
};

/** What the room is doing, read from the host when an install is considered. */
export interface RoomState {
  emergencyLive: boolean;
  presentationLive: boolean;
  /** Operator writes in the outbox that the central side has not confirmed. */
  pendingWrites: number;
  schedule: Schedule;
}

export type InstallBlocker = 'emergency' | 'presentation' | 'pending_writes' | 'schedule_hours';

// ---- versions -------------------------------------------------------------------------------------------

interface Version {
  core: [number, number, number];
  pre: string[];
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | null {
  const m = SEMVER.exec(text.trim());
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] };
}

/** Semantic-version precedence: negative when a < b. Throws on text that is not a version. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A release outranks its pre-releases (1.2.0 > 1.2.0-beta.3).
  if (x.pre.length === 0 || y.pre.length === 0) return Math.sign(y.pre.length - x.pre.length);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

// ---- which release to take ------------------------------------------------------------------------------

/**
 * Where this console stands in every staged rollout, 0 (first) to just under 100: a hash of its rollout id,
 * so the same console is always in or out at a given percentage, and raising the percentage only adds consoles.
 */
export function rolloutPoint(rolloutId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < rolloutId.length; i++) {
    h ^= rolloutId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // FNV leaves ids that differ only in their last characters close together; murmur3's finaliser spreads them.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return ((h >>> 0) / 0x1_0000_0000) * 100;
}

export type ReleaseVerdict = 'take' | 'not_newer' | 'invalid_version' | 'wrong_channel' | 'not_in_rollout';

export interface ReleaseInfo {
  version: string;
  stagingPercentage?: number | string | null;
}

/** Whether the release a feed names is for this console: newer, on its channel, and within the staged share. */
export function judgeRelease(
  current: string,
  release: ReleaseInfo,
  channel: UpdateChannel,
  rolloutId: string,
): ReleaseVerdict {
  const candidate = parseVersion(release.version);
  if (!candidate || !parseVersion(current)) return 'invalid_version';
  if (compareVersions(release.version, current) <= 0) return 'not_newer';
  if (channel === 'stable' && candidate.pre.length > 0) return 'wrong_channel';
  const raw = release.stagingPercentage;
  if (raw !== undefined && raw !== null) {
    const pct = typeof raw === 'number' ? raw : Number(raw);
    // A garbled percentage counts as staged to nobody: a mistake in the feed stops a rollout, never widens it.
    if (!Number.isFinite(pct)) return 'not_in_rollout';
    if (pct < 100 && rolloutPoint(rolloutId) >= pct) return 'not_in_rollout';
  }
  return 'take';
}

// ---- when to install ------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`expected a time such as 02:00, not ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since the room's midnight, and that midnight as a UTC instant. */
function roomClock(now: number, offsetMin: number): { minute: number; midnight: number; weekday: number } {
  const local = now + offsetMin * 60_000;
  const localMidnight = Math.floor(local / DAY_MS) * DAY_MS;
  const weekday = ((new Date(localMidnight).getUTCDay() + 6) % 7) + 1;
  return {
    minute: Math.floor((local - localMidnight) / 60_000),
    midnight: localMidnight - offsetMin * 60_000,
    weekday,
  };
}

/** Whether `now` falls in the quiet window (which may cross midnight, e.g. 23:00-01:00). */
export function inQuietHours(now: number, config: UpdatePolicyConfig): boolean {
  const { minute } = roomClock(now, config.offsetMinutes);
  const from = minutesOf(config.quietFrom);
  const to = minutesOf(config.quietTo);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The next start of the quiet window after `now` (now itself when inside it). */
export function nextQuietStart(now: number, config: UpdatePolicyConfig): number {
  if (inQuietHours(now, config)) return now;
  const { midnight } = roomClock(now, config.offsetMinutes);
  const start = midnight + minutesOf(config.quietFrom) * 60_000;
  return start > now ? start : start + DAY_MS;
}

/**
 * A schedule's working hours on a day: from its first start to its last start that day. Between them the
 * schedule is switching the wall for the room; an install there would blank every screen mid-morning.
 */
export function inScheduleHours(schedule: Schedule, now: number, offsetMin: number): boolean {
  if (!schedule.enabled) return false;
  const { minute, weekday } = roomClock(now, offsetMin);
  const starts = schedule.entries.filter((e) => e.days.includes(weekday)).map((e) => minutesOf(e.at));
  if (starts.length < 2) return false;
  return minute >= Math.min(...starts) && minute <= Math.max(...starts);
}

export function installBlockers(room: RoomState, now: number, config: UpdatePolicyConfig): InstallBlocker[] {
  const blockers: InstallBlocker[] = [];
  if (room.emergencyLive) blockers.push('emergency');
  if (room.presentationLive) blockers.push('presentation');
  if (room.pendingWrites > 0) blockers.push('pending_writes');
  if (inScheduleHours(room.schedule, now, config.offsetMinutes)) blockers.push('schedule_hours');
  return blockers;
}

export type InstallDecision =
  | { install: true }
  /** `installAt`: when it would install if nothing blocks it then (a supervisor's yes makes that "now"). */
  | { install: false; blockers: InstallBlocker[]; installAt: number };

/** Install a downloaded update now? Only in the quiet hours or with a supervisor's yes, and never over the room. */
export function decideInstall(
  now: number,
  room: RoomState,
  approved: boolean,
  config: UpdatePolicyConfig,
): InstallDecision {
  const blockers = installBlockers(room, now, config);
  const timeOk = approved || inQuietHours(now, config);
  if (timeOk && blockers.length === 0) return { install: true };
  return { install: false, blockers, installAt: approved ? now : nextQuietStart(now, config) };
}
