// What the update policy needs to know about the room, read through the host's ordinary requests (the wall
// state, the interrupt, the outbox, the schedule), so the shell decides without reaching into the host.
import type { RequestName, Result, SyncStatus, WallState } from '../../common/host-api';
import type { ScheduleView, WallAdvice } from '../../common/wall-plan-api';
import { emergencyLayout } from '../../common/wall-rules';
import { currentOccurrence } from '../../common/wall-schedule';
import type { RoomState } from './update-policy';

/** A switch this recent means someone is presenting, whoever made it. */
export const PRESENTATION_HOLD_MS = 60 * 60_000;

export interface RoomFacts {
  wall: WallState;
  advice: WallAdvice;
  sync: SyncStatus;
  schedule: ScheduleView;
}

/**
 * Emergency: an interrupt runs or the wall shows the emergency layout. Presentation: the wall was switched
 * within the last hour, its numbers are shown for identification, or it shows a layout other than the one
 * the schedule has in force (a presenter's choice stands until someone ends it).
 */
export function roomStateOf(f: RoomFacts, now: number): RoomState {
  const layout = f.wall.layout;
  const emergencyLive = f.advice.interrupt !== null || (layout !== null && emergencyLayout([layout]) !== null);
  const switchedAt = f.wall.switchedAt ? Date.parse(f.wall.switchedAt) : null;
  const inForce = f.schedule.schedule.enabled ? currentOccurrence(f.schedule.schedule, now) : null;
  const presentationLive =
    f.wall.identify ||
    (switchedAt !== null && now - switchedAt < PRESENTATION_HOLD_MS) ||
    (inForce !== null && layout !== null && inForce.entry.layoutId !== layout.id);
  return { emergencyLive, presentationLive, pendingWrites: f.sync.pending, schedule: f.schedule.schedule };
}

export type HostRequest = (name: RequestName, input: unknown) => Promise<Result<unknown>>;

/** Reads the facts from the host; rejects when it cannot answer (then nothing installs). */
export async function readRoomState(request: HostRequest, now: number): Promise<RoomState> {
  const ask = async <T>(name: RequestName): Promise<T> => {
    const r = await request(name, {});
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  };
  const [wall, advice, sync, schedule] = await Promise.all([
    ask<WallState>('wall.state'),
    ask<WallAdvice>('wall.advice'),
    ask<SyncStatus>('sync.status'),
    ask<ScheduleView>('schedule.get'),
  ]);
  return roomStateOf({ wall, advice, sync, schedule }, now);
}
