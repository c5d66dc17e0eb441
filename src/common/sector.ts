// Sectors live apart from entities.ts because layout.ts needs them and entities.ts re-exports layout.ts:
// importing entities.ts first would otherwise evaluate layout.ts while Sector is still uninitialised.
import { z } from 'zod';

export const SECTORS = [
  'transport',
  'health',
  'education',
  'energy',
  'egov',
  'traffic',
  'payment',
  'disaster',
  'security',
  'tourism',
  'connectivity',
] as const;
export const Sector = z.enum(SECTORS);
export type Sector = z.infer<typeof Sector>;
