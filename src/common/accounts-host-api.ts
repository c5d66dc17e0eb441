// The host contract's part for a supervisor's account view: the console host asks the central API with the
// supervisor's own token. Kept apart from host-api.ts, which spreads this map into REQUESTS.
import { z } from 'zod';
import { AccountView, CreateAccountRequest, PatchAccountRequest } from './accounts-api';

export const ACCOUNT_REQUESTS = {
  'accounts.list': { input: z.strictObject({}), output: z.strictObject({ accounts: z.array(AccountView) }) },
  'accounts.create': { input: CreateAccountRequest, output: AccountView },
  'accounts.update': {
    input: z.strictObject({ username: z.string().min(1).max(64), changes: PatchAccountRequest }),
    output: AccountView,
  },
} as const;
