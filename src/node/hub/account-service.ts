// Account management for supervisors (central-api.md v1.1): list, create, change; a disabled account, a new
// password or a new role revokes every token of the account at once and ends its streams.
import {
  MIN_PASSWORD_LENGTH,
  type AccountView,
  type CreateAccountRequest,
  type PatchAccountRequest,
} from '../../common/accounts-api';
import type { AuditLog } from './audit-log';
import { hashPassword, type AuthService } from './auth';
import type { ChangeStreams } from './change-stream';
import { HttpError } from './http-util';
import type { AccountChange, AccountRow, HubOps, HubStorage } from './hub-storage';

const view = (r: AccountRow): AccountView => ({
  username: r.username,
  name: r.name,
  role: r.role,
  disabled: r.disabled,
  createdAt: r.createdAt,
  lastLoginAt: r.lastLoginAt,
});

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new HttpError(400, 'weak_password', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`, [
      { field: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

export class AccountService {
  constructor(
    private readonly hub: HubStorage,
    private readonly auth: AuthService,
    private readonly streams: ChangeStreams,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<AccountView[]> {
    return (await this.hub.listAccounts()).map(view);
  }

  async get(username: string, on: HubOps = this.hub): Promise<AccountView | null> {
    const row = await on.getAccount(username);
    return row ? view(row) : null;
  }

  async create(req: CreateAccountRequest, actor: string, address: string): Promise<AccountView> {
    checkPassword(req.password);
    if (await this.auth.hasAccount(req.username))
      throw new HttpError(409, 'username_taken', `an account ${req.username} exists`);
    const hash = await hashPassword(req.password, this.auth.scryptN);
    const created = await this.hub.transaction(async (tx) => {
      const inserted = await tx.insertAccount({
        username: req.username,
        name: req.name,
        role: req.role,
        passwordHash: hash,
        createdAt: this.now().toISOString(),
      });
      if (inserted)
        await this.audit.record(
          'account_created',
          req.username,
          { actor, address, detail: { name: req.name, role: req.role } },
          tx,
        );
      return inserted;
    });
    // Two supervisors creating one name at once: the second hashed in vain and is told so.
    if (!created) throw new HttpError(409, 'username_taken', `an account ${req.username} exists`);
    return (await this.get(req.username)) as AccountView;
  }

  async patch(username: string, req: PatchAccountRequest, actor: string, address: string): Promise<AccountView> {
    if (!(await this.get(username))) throw new HttpError(404, 'not_found', `no account ${username}`);
    if (req.password !== undefined) checkPassword(req.password);
    if (username === actor && (req.disabled === true || (req.role !== undefined && req.role !== 'supervisor'))) {
      // The last way in to manage accounts must not be closed by a slip of the one using it.
      throw new HttpError(
        409,
        'self_lockout',
        'a supervisor cannot disable their own account or take away their own role',
      );
    }
    const hash = req.password === undefined ? undefined : await hashPassword(req.password, this.auth.scryptN);
    const revoked = await this.hub.transaction(async (tx) => {
      const before = await this.get(username, tx);
      if (!before) throw new HttpError(404, 'not_found', `no account ${username}`);
      const change: AccountChange = {};
      const changed: string[] = [];
      if (req.name !== undefined && req.name !== before.name) {
        change.name = req.name;
        changed.push('name');
      }
      if (req.role !== undefined && req.role !== before.role) {
        change.role = req.role;
        changed.push('role');
      }
      if (req.disabled !== undefined && req.disabled !== before.disabled) {
        change.disabled = req.disabled;
        changed.push('disabled');
      }
      if (hash !== undefined) {
        change.passwordHash = hash;
        changed.push('password');
      }
      await tx.updateAccount(username, change);
      const revoke =
        hash !== undefined || changed.includes('role') || (changed.includes('disabled') && req.disabled === true);
      const tokens = revoke ? await this.auth.revokeAll(username, tx) : 0;
      if (changed.length > 0) {
        const detail: Record<string, unknown> = { changed, revokedTokens: tokens };
        if (changed.includes('role')) detail.role = { from: before.role, to: req.role };
        if (changed.includes('disabled')) detail.disabled = req.disabled;
        await this.audit.record('account_changed', username, { actor, address, detail }, tx);
      }
      return revoke;
    });
    if (revoked) {
      this.streams.closeWhere({ username });
      await this.hub.announceSessionsEnded({ username });
    }
    return (await this.get(username)) as AccountView;
  }
}
