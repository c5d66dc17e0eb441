// Accounts and audit of central-api.md v1.1: what a supervisor's console sends and the hub answers.
import { z } from 'zod';
import { IsoTime, Role } from './entities';
import { SafeText } from './text-rules';

export const USERNAME = /^[a-z0-9._-]{3,32}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export const Username = z.string().regex(USERNAME, 'usernames are 3-32 of a-z 0-9 . _ -');
/** Only the upper bound here: a short password is answered with its own code, weak_password. */
const Password = z.string().max(MAX_PASSWORD_LENGTH);

export const AccountView = z.strictObject({
  username: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: IsoTime,
  lastLoginAt: IsoTime.nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountsResponse = z.strictObject({ accounts: z.array(AccountView) });

export const CreateAccountRequest = z.strictObject({
  username: Username,
  name: SafeText({ max: 120 }),
  role: Role,
  password: Password,
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const PatchAccountRequest = z
  .strictObject({
    name: SafeText({ max: 120 }).optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'name at least one field to change');
export type PatchAccountRequest = z.infer<typeof PatchAccountRequest>;

export const AuditRecord = z.strictObject({
  id: z.number().int().positive(),
  at: IsoTime,
  kind: z.string(),
  username: z.string(),
  actor: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.unknown(),
});
export const AuditResponse = z.strictObject({ records: z.array(AuditRecord) });
