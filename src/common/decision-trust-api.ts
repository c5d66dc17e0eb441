// The host contract's part for what the console verified of the decision log, and its tamper alarms.
// Kept apart from host-api.ts, which spreads these maps into REQUESTS and EVENTS. Every role may read it.
import { z } from 'zod';
import { Hash, IsoTime } from './entities';

export const TamperAlarm = z.strictObject({
  n: z.number().int().positive(),
  /** The seq the offered decision names (null for a signing key). */
  seq: z.number().int().nullable(),
  decisionId: z.string().nullable(),
  reason: z.string(),
  raisedAt: IsoTime,
  /** What the feed offered, and the verified copy the console kept instead (null when it had none). */
  offered: z.unknown(),
  kept: z.unknown(),
});
export type TamperAlarm = z.infer<typeof TamperAlarm>;

export const DecisionTrust = z.strictObject({
  /** Every decision up to this seq verified (chain and signature); 0 before the first. */
  verifiedSeq: z.number().int().nonnegative(),
  verifiedHash: Hash,
  /** How many alarms were raised in all; `recent` holds the newest. */
  alarms: z.number().int().nonnegative(),
  recent: z.array(TamperAlarm),
});
export type DecisionTrust = z.infer<typeof DecisionTrust>;

export const TRUST_REQUESTS = {
  'decisions.trust': { input: z.strictObject({}), output: DecisionTrust },
} as const;

export const TRUST_EVENTS = {
  /** Sent when an alarm is raised. */
  'decisions.trust': DecisionTrust,
} as const;
