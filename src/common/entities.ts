// Central entities of central-api.md v1. Objects are strict: unknown fields are rejected, not ignored.
import { z } from 'zod';

import { Signature } from './decision-signing';
import { DecisionWall } from './decision-wall';
import { Sector } from './sector';
import { Thresholds } from './thresholds';
import { SafeText } from './text-rules';

export { SECTORS, Sector } from './sector';

export const ROLES = ['supervisor', 'operator', 'presenter', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Uuid = z.uuid();
export const IsoTime = z.iso.datetime({ offset: false });
export const DistrictCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'expected a kecamatan code such as 35.07.13');
export const Lat = z.number().min(-90).max(90);
export const Lon = z.number().min(-180).max(180);
const Text = (max: number) => SafeText({ max });

export const SITE_KINDS = ['village', 'opd', 'tourism', 'cctv', 'facility'] as const;
export const Site = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'site ids are stable codes: letters, digits, . _ -'),
  kind: z.enum(SITE_KINDS),
  name: Text(200),
  districtCode: DistrictCode.nullable(),
  lat: Lat,
  lon: Lon,
});
export type Site = z.infer<typeof Site>;

export const SiteState = z.enum(['up', 'degraded', 'down']);
export type SiteState = z.infer<typeof SiteState>;
export const Status = z.strictObject({
  siteId: Site.shape.id,
  at: IsoTime,
  state: SiteState,
  latencyMs: z.number().nonnegative().nullable(),
  bandwidthMbps: z.number().nonnegative().nullable(),
});
export type Status = z.infer<typeof Status>;

export const Series = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  sector: Sector,
  name: Text(200),
  unit: SafeText({ min: 0, max: 32 }),
  siteId: Site.shape.id.optional(),
  /** v1.1: written by supervisors only, as an upsert of the series with its other fields unchanged. */
  thresholds: Thresholds.optional(),
});
export type Series = z.infer<typeof Series>;

export const Reading = z.strictObject({ seriesId: Series.shape.id, at: IsoTime, value: z.number() });
export type Reading = z.infer<typeof Reading>;

export const INCIDENT_STATUSES = ['reported', 'verified', 'dispatched', 'resolved', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;
export const Severity = z.number().int().min(1).max(4);

/** Incident fields a client writes; the central side owns version and updatedAt. */
export const IncidentInput = z.strictObject({
  id: Uuid,
  title: Text(200),
  sector: Sector,
  severity: Severity,
  status: IncidentStatus,
  districtCode: DistrictCode,
  lat: Lat,
  lon: Lon,
  assignedOpd: z.string().max(32).nullable().optional(),
  reportedAt: IsoTime,
});
export type IncidentInput = z.infer<typeof IncidentInput>;
export const Incident = IncidentInput.extend({ updatedAt: IsoTime, version: z.number().int().positive() });
export type Incident = z.infer<typeof Incident>;

/** Decision fields a client writes (the hub refuses them unsigned); operatorId, consoleId, seq, prevHash and hash are central. */
export const DecisionInput = z.strictObject({
  id: Uuid,
  incidentId: Uuid.optional(),
  decidedAt: IsoTime,
  summary: Text(300),
  rationale: SafeText({ min: 0, max: 4000, multiline: true }),
  action: SafeText({ max: 1000, multiline: true }),
  supersedes: Uuid.optional(),
  /** v1.1: the signer's signing_key and the Ed25519 signature over signingPayload (decision-signing.ts). */
  keyId: Uuid.optional(),
  signature: Signature.optional(),
  /** The wall layout live when it was decided (decision-wall.ts): published as sent, chained, not signed. */
  wall: DecisionWall.optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;
export const Hash = z.string().regex(/^[0-9a-f]{64}$/);
export const Decision = DecisionInput.extend({
  operatorId: z.string().min(1),
  consoleId: z.string().min(1),
  seq: z.number().int().positive(),
  prevHash: Hash,
  hash: Hash,
});
export type Decision = z.infer<typeof Decision>;

export * from './layout';
