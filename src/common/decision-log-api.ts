// The host contract's part for checking and exporting the decision log; spread into REQUESTS by host-api.ts.
import { z } from 'zod';
import { IsoTime } from './entities';

export const ChainCheckView = z.strictObject({
  count: z.number().int().nonnegative(),
  verifiedTo: z.number().int().positive().nullable(),
  broken: z
    .strictObject({ seq: z.number().int().positive(), id: z.string(), reason: z.enum(['order', 'prevHash', 'hash']) })
    .nullable(),
});
export type ChainCheckView = z.infer<typeof ChainCheckView>;

export const DECISION_LOG_REQUESTS = {
  /** The console recomputes the chain from the decisions the feed gave it. */
  'decisions.verify': { input: z.strictObject({}), output: ChainCheckView },
  /** CSV of the decisions decided in [from, to): UTF-8 with BOM, formulas made inert; `;` for Indonesian settings. */
  'decisions.export': {
    input: z
      .strictObject({ from: IsoTime.optional(), to: IsoTime.optional(), separator: z.enum([',', ';']).optional() })
      .refine((r) => !r.from || !r.to || r.from < r.to, { message: 'from must be before to', path: ['to'] }),
    output: z.strictObject({ csv: z.string(), count: z.number().int().nonnegative() }),
  },
} as const;
