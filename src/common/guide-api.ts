// The host contract's part for the first-run guide: whether the operator logged in has seen it on this console.
// Kept on the host (the console store's settings), not in the browser, so a presenter's tablet and the desk
// console agree and a cleared browser does not show it again. Spread into REQUESTS by host-api.ts.
import { z } from 'zod';
import { IsoTime } from './entities';

/** Raised when the guide gains a step worth showing again to everyone who saw an older one. */
export const GUIDE_VERSION = 1;

export const GuideState = z.strictObject({
  /** True once this operator closed the guide of the current version on this console. */
  seen: z.boolean(),
  seenAt: IsoTime.nullable(),
});
export type GuideState = z.infer<typeof GuideState>;

export const GUIDE_REQUESTS = {
  'guide.get': { input: z.strictObject({}), output: GuideState },
  /** `seen: false` forgets it (the guide shows again at the next login). */
  'guide.set': { input: z.strictObject({ seen: z.boolean() }), output: GuideState },
} as const;
