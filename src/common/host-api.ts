// The one contract between the console host and its UIs. Both transports (Electron IPC through the
// preload, WebSocket for browsers) carry exactly these requests and events; no channel name exists elsewhere.
import { z } from 'zod';
import { DecisionInput, Incident, IncidentInput, IsoTime, Layout, Sector, Site, SiteState, Uuid } from './entities';
import { EntityName, OperatorInfo } from './central-api';
import { WALL_PLAN_EVENTS, WALL_PLAN_REQUESTS } from './wall-plan-api';
import type { ResponseFrame } from './request-channel';
import { HostErrorCode, HostErrorParams } from './host-errors';
import { TRUST_EVENTS, TRUST_REQUESTS } from './decision-trust-api';
import { UPDATE_EVENTS, UPDATE_REQUESTS } from './update-api';
import { INCIDENT_REQUESTS } from './incident-api';
import { DECISION_LOG_REQUESTS } from './decision-log-api';
import { NoteText } from './incident-timeline';
import { Connectivity, ConnectivityFilter } from './connectivity';
import { ACCOUNT_REQUESTS } from './accounts-host-api';
import { SafeText } from './text-rules';
import { REPORT_REQUESTS } from './report-api';
import { SECTOR_EVENTS, SECTOR_REQUESTS } from './sector-api';
import { GUIDE_REQUESTS } from './guide-api';
import { WALL_PAIRING_REQUESTS } from './wall-pairing-api';

const Empty = z.strictObject({});

export const DecisionView = DecisionInput.extend({
  operatorId: z.string(),
  consoleId: z.string(),
  seq: z.number().int().positive().nullable(),
  hash: z.string().nullable(),
  state: z.enum(['pending', 'synced', 'rejected']),
  error: z.string().nullable(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const IncidentView = Incident.extend({ pending: z.boolean() });
export type IncidentView = z.infer<typeof IncidentView>;

export const ParkedEntry = z.strictObject({
  id: z.string(),
  entity: z.string(),
  recordId: z.string(),
  state: z.enum(['rejected', 'conflict']),
  error: z.string(),
  yours: z.record(z.string(), z.unknown()),
  central: z.unknown(),
  clientTime: IsoTime,
  operatorId: z.string(),
});
export type ParkedEntry = z.infer<typeof ParkedEntry>;

/** The layouts as this console shows them; `pending`: those with an edit of this console not yet confirmed. */
export const LayoutListing = z.strictObject({ layouts: z.array(Layout), pending: z.array(Uuid) });
export type LayoutListing = z.infer<typeof LayoutListing>;

export const SyncStatus = z.strictObject({
  hubUrl: z.string(),
  online: z.boolean(),
  lastSeq: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  lastSyncAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  /** What the store guard wants the operator to know: a damaged file restored from backup, a failed check. */
  notice: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const BezelPx = z.number().int().min(0).max(400);
export const WallState = z.strictObject({
  stateVersion: z.number().int().nonnegative(),
  layout: Layout.nullable(),
  switchedAt: IsoTime.nullable(),
  /** Frame width between two screens: a spanning picture skips what lies under it (viewportOf). */
  bezelPx: BezelPx,
  /** While on, every screen shows its number large, so the room can check which screen is which. */
  identify: z.boolean(),
  /** The layout `wall.undo` goes back to; null when there is nothing to undo. */
  undoLayoutId: Uuid.nullable(),
});
export type WallState = z.infer<typeof WallState>;

export const WallNumber = z.number().int().min(1).max(64);
export const WallStatus = z.strictObject({
  wall: WallNumber,
  connected: z.boolean(),
  paintedVersion: z.number().int().nonnegative().nullable(),
  paintedAt: IsoTime.nullable(),
  /** How fresh the data on this screen is: the cache's last sync while connected, frozen when it went away. */
  dataAt: IsoTime.nullable(),
});
export type WallStatus = z.infer<typeof WallStatus>;
/** The last switch as measured by the host: request to the last acknowledgement of a connected wall. */
export const LastSwitch = z.strictObject({
  stateVersion: z.number().int().nonnegative(),
  requestedAt: IsoTime,
  /** Null until every wall connected at the request painted it (or when none was connected). */
  allPaintedMs: z.number().nonnegative().nullable(),
  painted: z.number().int().nonnegative(),
  connected: z.number().int().nonnegative(),
});
export type LastSwitch = z.infer<typeof LastSwitch>;
export const WallStatusList = z.strictObject({
  walls: z.array(WallStatus),
  stateVersion: z.number().int().nonnegative(),
  lastSwitch: LastSwitch.nullable(),
});
export type WallStatusList = z.infer<typeof WallStatusList>;

export const Kpi = z.strictObject({
  seriesId: z.string(),
  name: z.string(),
  sector: Sector,
  unit: z.string(),
  value: z.number(),
  at: IsoTime,
});
export type Kpi = z.infer<typeof Kpi>;
export const Overview = z.strictObject({
  sites: z.number().int(),
  states: z.strictObject({
    up: z.number().int(),
    degraded: z.number().int(),
    down: z.number().int(),
    unknown: z.number().int(),
  }),
  down: z.array(z.strictObject({ id: z.string(), name: z.string(), kind: z.string(), since: IsoTime })),
  kpis: z.array(Kpi),
});
export type Overview = z.infer<typeof Overview>;

/** Requests: name -> input and output schemas. */
export const REQUESTS = {
  'session.login': {
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    output: z.strictObject({ operator: OperatorInfo, resumeKey: z.string() }),
  },
  /** After a lost link (WebSocket reconnect) the same browser tab takes its login back with the key it was given. */
  'session.resume': {
    input: z.strictObject({ resumeKey: z.string().min(16).max(128) }),
    output: z.strictObject({ operator: OperatorInfo }),
  },
  'session.logout': { input: Empty, output: Empty },
  'session.current': { input: Empty, output: z.strictObject({ operator: OperatorInfo.nullable() }) },
  'incidents.list': { input: Empty, output: z.strictObject({ incidents: z.array(IncidentView) }) },
  'decisions.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    output: z.strictObject({ decisions: z.array(DecisionView) }),
  },
  'decisions.record': {
    input: DecisionInput.pick({ summary: true, rationale: true, action: true }).extend({
      incidentId: Uuid.optional(),
      supersedes: Uuid.optional(),
    }),
    output: z.strictObject({ decision: DecisionView }),
  },
  /**
   * A correction: a new decision whose `supersedes` names one this console knows that nothing corrected yet.
   * Its `reason` (required) is the new decision's rationale, so it is signed with it.
   */
  'decisions.correct': {
    input: DecisionInput.pick({ summary: true, action: true }).extend({
      supersedes: Uuid,
      reason: SafeText({ max: 4000, multiline: true }),
      incidentId: Uuid.optional(),
    }),
    output: z.strictObject({ decision: DecisionView }),
  },
  'incidents.save': {
    input: z.strictObject({
      incident: IncidentInput.omit({ id: true, reportedAt: true }).extend({
        id: Uuid.optional(),
        reportedAt: IsoTime.optional(),
      }),
      /** v1.1: why a report was closed as false (required then); written as a note after the change. */
      reason: NoteText.optional(),
    }),
    output: z.strictObject({ incident: IncidentView }),
  },
  'sites.list': {
    input: z.strictObject({ kind: Site.shape.kind.optional() }),
    output: z.strictObject({ sites: z.array(Site.extend({ state: SiteState.nullable() })) }),
  },
  /** Writes the central side did not take (rejected, or lost to a conflict), kept for the operator to review. */
  'outbox.parked': { input: Empty, output: z.strictObject({ entries: z.array(ParkedEntry) }) },
  'outbox.dismiss': { input: z.strictObject({ id: Uuid }), output: Empty },
  /** `pending`: layouts with an edit of this console the central side has not confirmed yet. */
  'layouts.list': { input: Empty, output: LayoutListing },
  'overview.get': { input: Empty, output: Overview },
  'sync.status': { input: Empty, output: SyncStatus },
  /** Supervisor: an online backup of the console database now (besides the scheduled ones). */
  'store.backup': {
    input: Empty,
    output: z.strictObject({ path: z.string(), at: IsoTime, bytes: z.number().int().nonnegative() }),
  },
  'wall.state': { input: Empty, output: WallState },
  'wall.switch': { input: z.strictObject({ layoutId: Uuid }), output: WallState },
  /** Back to the layout before the last switch (a short history is kept, so it can be pressed again). */
  'wall.undo': { input: Empty, output: WallState },
  'wall.setBezel': { input: z.strictObject({ px: BezelPx }), output: WallState },
  'wall.identify': { input: z.strictObject({ on: z.boolean() }), output: WallState },
  /** `all`: this window draws every cell of the grid (a laptop, one 5760 x 3240 display) and speaks for every wall. */
  'wall.hello': { input: z.strictObject({ wall: WallNumber, all: z.boolean().optional() }), output: WallState },
  'wall.painted': {
    input: z.strictObject({ wall: WallNumber, stateVersion: z.number().int().nonnegative() }),
    output: Empty,
  },
  'wall.status': { input: Empty, output: WallStatusList },
  ...WALL_PAIRING_REQUESTS,
  ...WALL_PLAN_REQUESTS,
  ...TRUST_REQUESTS,
  ...UPDATE_REQUESTS,
  ...INCIDENT_REQUESTS,
  ...DECISION_LOG_REQUESTS,
  /** The connectivity monitor: watched sites (desa, OPD, tourism) with state, since, 7-day uptime; outages grouped. */
  'connectivity.get': { input: ConnectivityFilter, output: Connectivity },
  ...ACCOUNT_REQUESTS,
  ...REPORT_REQUESTS,
  ...SECTOR_REQUESTS,
  ...GUIDE_REQUESTS,
} as const;

/** Events: name -> payload schema. */
export const EVENTS = {
  'sync.status': SyncStatus,
  'data.changed': z.strictObject({ entities: z.array(EntityName) }),
  'wall.state': WallState,
  'wall.status': WallStatusList,
  ...WALL_PLAN_EVENTS,
  ...TRUST_EVENTS,
  ...UPDATE_EVENTS,
  ...SECTOR_EVENTS,
} as const;

export type RequestName = keyof typeof REQUESTS;
export type EventName = keyof typeof EVENTS;
export type RequestInput<N extends RequestName> = z.input<(typeof REQUESTS)[N]['input']>;
export type RequestOutput<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['output']>;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;

/** `code` from the closed set (host-errors.ts), worded by the UI with `params`; `message` is for logs. */
export const HostError = z.strictObject({
  code: HostErrorCode,
  message: z.string(),
  params: HostErrorParams.optional(),
  details: z.unknown().optional(),
});
export type HostError = z.infer<typeof HostError>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** Wire frames of the WebSocket transport (the IPC transport carries the same request/result pairs). */
export const ClientFrame = z.strictObject({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ServerFrame = ResponseFrame<Result<unknown>> | { t: 'evt'; name: EventName; payload: unknown };

export function isRequestName(name: string): name is RequestName {
  return Object.prototype.hasOwnProperty.call(REQUESTS, name);
}

/** What both transports implement for the renderer. */
export interface HostApi {
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A failed request, raised in the renderer from `{ok: false, error}`. */
export class HostRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly params?: HostErrorParams,
  ) {
    super(message);
    this.name = 'HostRequestError';
  }
}
