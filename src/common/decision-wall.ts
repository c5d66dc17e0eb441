// What the wall showed when a decision was made: the optional `wall` of a decision's data (docs/decision-wall.md).
// It is not one of the signed fields (the contract's `s` is a fixed list that outside verifiers compute); the
// hub publishes it as sent, so the chain hash, which covers the whole published decision, covers it.
import { z } from 'zod';
import { SafeText } from './text-rules';

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const DecisionWall = z.strictObject({
  /** The recording console's wall state version: one more at every switch (its walls acknowledge it). */
  stateVersion: Count,
  /** The layout live on the wall, as it was named and versioned then; null when the wall showed none. */
  layout: z
    .strictObject({
      id: z.uuid(),
      name: SafeText({ max: 120 }),
      version: Count.min(1),
    })
    .nullable(),
});
export type DecisionWall = z.infer<typeof DecisionWall>;
