// Messages of the central API v1 (central-api.md), shared by the hub and the console's sync client.
import { z } from 'zod';
import {
  DecisionInput,
  Decision,
  Incident,
  IncidentInput,
  IsoTime,
  Layout,
  LayoutInput,
  Reading,
  Role,
  Series,
  Site,
  Status,
} from './entities';
import { SigningKey, SigningKeyInput } from './decision-signing';
import { IncidentEvent, IncidentNote, IncidentNoteInput } from './incident-timeline';
import { CONSOLE_ID } from './text-rules';

export const API_PREFIX = '/api/v1';
export const MAX_BODY_BYTES = 1024 * 1024;
export const HEARTBEAT_MS = 2000;
export const PAGE_LIMIT_DEFAULT = 500;
export const PAGE_LIMIT_MAX = 5000;

export const ENTITIES = [
  'site',
  'status',
  'series',
  'reading',
  'incident',
  'decision',
  'layout',
  'signing_key',
  'incident_note',
  'incident_event',
] as const;
export const EntityName = z.enum(ENTITIES);
export type EntityName = z.infer<typeof EntityName>;

export const ErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const SessionRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const OperatorInfo = z.strictObject({ id: z.string(), name: z.string(), role: Role });
export type OperatorInfo = z.infer<typeof OperatorInfo>;
export const SessionResponse = z.strictObject({ token: z.string(), expiresAt: IsoTime, operator: OperatorInfo });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const HealthResponse = z.strictObject({
  status: z.literal('ok'),
  time: IsoTime,
  lastSeq: z.number().int().nonnegative(),
  /** "1.1" from a hub that follows the v1.1 additions; absent from a v1 hub. */
  api: z.string().optional(),
});

/** The record shape each entity publishes in a change's `data`. */
export const ENTITY_DATA = {
  site: Site,
  status: Status,
  series: Series,
  reading: Reading,
  incident: Incident,
  decision: Decision,
  layout: Layout,
  signing_key: SigningKey,
  incident_note: IncidentNote,
  incident_event: IncidentEvent,
} as const;

export const Change = z.strictObject({
  seq: z.number().int().positive(),
  entity: EntityName,
  id: z.string().min(1),
  op: z.enum(['upsert', 'delete']),
  version: z.number().int().nonnegative(),
  data: z.unknown(),
});
export type Change = z.infer<typeof Change>;

export const ChangesResponse = z.strictObject({
  changes: z.array(Change),
  lastSeq: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const Heartbeat = z.strictObject({ time: IsoTime, lastSeq: z.number().int().nonnegative() });

/** What a client may write per entity (central-owned fields excluded). */
export const MUTATION_DATA = {
  site: Site,
  incident: IncidentInput,
  decision: DecisionInput,
  layout: LayoutInput,
  signing_key: SigningKeyInput,
  incident_note: IncidentNoteInput,
  series: Series,
} as const;
export type WritableEntity = keyof typeof MUTATION_DATA;

export const Mutation = z.strictObject({
  id: z.uuid(),
  entity: EntityName,
  op: z.enum(['upsert', 'delete']),
  baseVersion: z.number().int().positive().optional(),
  data: z.record(z.string(), z.unknown()),
  clientTime: IsoTime,
});
export type Mutation = z.infer<typeof Mutation>;

export const MutationsRequest = z.strictObject({
  consoleId: z.string().regex(CONSOLE_ID, 'at most 64 letters, digits, ".", "_", "-"'),
  mutations: z.array(Mutation).min(1).max(500),
});
export type MutationsRequest = z.infer<typeof MutationsRequest>;

export const MutationResult = z.strictObject({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  seq: z.number().int().positive().optional(),
  version: z.number().int().nonnegative().optional(),
  current: z.unknown().optional(),
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;
export const MutationsResponse = z.strictObject({ results: z.array(MutationResult) });

// Who may write which entity: ENTITY_WRITERS in access-policy.ts.

export type ZodIssueLike = { path: PropertyKey[]; message: string };
/** Turns validation issues into the `details` of a 400: one entry per field. */
export function issueDetails(issues: readonly ZodIssueLike[]): { field: string; message: string }[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
}
