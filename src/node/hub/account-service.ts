// Account management for supervisors (central-api.md v1.1): list, create, change; a disabled account, a new
// password or a new role revokes every token of the account at once and ends its streams.
import {
  MIN_PASSWORD_LENGTH,
  type AccountView,
  type CreateAccountRequest,
  type PatchAccountRequest,
} from '../../common/accounts-api';
import type { Role } from '../../common/entities';
import type { AuditLog } from './audit-log';
import { hashPassword, type AuthService } from './auth';
import type { ChangeStreams } from './change-stream';
import { HttpError } from './http-util';
import type { HubDb } from './hub-db';

interface Row {
  username: string;
  name: string;
  role: Role;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
}

const view = (r: Row): AccountView => ({
  username: r.username,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
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
    private readonly hub: HubDb,
    private readonly auth: AuthService,
    private readonly streams: ChangeStreams,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): AccountView[] {
    const rows = this.hub
      .stmt('SELECT username, name, role, disabled, created_at, last_login_at FROM accounts ORDER BY username')
      .all() as Row[];
    return rows.map(view);
  }

  get(username: string): AccountView | null {
    const row = this.hub
      .stmt('SELECT username, name, role, disabled, created_at, last_login_at FROM accounts WHERE username = ?')
      .get(username) as Row | undefined;
    return row ? view(row) : null;
  }

  async create(req: CreateAccountRequest, actor: string, address: string): Promise<AccountView> {
    checkPassword(req.password);
    if (this.auth.hasAccount(req.username))
      throw new HttpError(409, 'username_taken', `an account ${req.username} exists`);
    const hash = await hashPassword(req.password, this.auth.scryptN);
    const created = this.hub.transaction(() => {
      const { changes } = this.hub
        .stmt('INSERT OR IGNORE INTO accounts (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(req.username, req.name, req.role, hash, this.now().toISOString());
      if (changes === 1)
        this.audit.record('account_created', req.username, {
          actor,
          address,
          detail: { name: req.name, role: req.role },
        });
      return changes === 1;
    });
    // Two supervisors creating one name at once: the second hashed in vain and is told so.
    if (!created) throw new HttpError(409, 'username_taken', `an account ${req.username} exists`);
    return this.get(req.username) as AccountView;
  }

  async patch(username: string, req: PatchAccountRequest, actor: string, address: string): Promise<AccountView> {
    if (!this.get(username)) throw new HttpError(404, 'not_found', `no account ${username}`);
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
    const revoked = this.hub.transaction(() => {
      const before = this.get(username);
      if (!before) throw new HttpError(404, 'not_found', `no account ${username}`);
      const changed: string[] = [];
      if (req.name !== undefined && req.name !== before.name) {
        this.hub.stmt('UPDATE accounts SET name = ? WHERE username = ?').run(req.name, username);
        changed.push('name');
      }
      if (req.role !== undefined && req.role !== before.role) {
        this.hub.stmt('UPDATE accounts SET role = ? WHERE username = ?').run(req.role, username);
        changed.push('role');
      }
      if (req.disabled !== undefined && req.disabled !== before.disabled) {
        this.hub.stmt('UPDATE accounts SET disabled = ? WHERE username = ?').run(req.disabled ? 1 : 0, username);
        changed.push('disabled');
      }
      if (hash !== undefined) {
        this.hub.stmt('UPDATE accounts SET password_hash = ? WHERE username = ?').run(hash, username);
        changed.push('password');
      }
      const revoke =
        hash !== undefined || changed.includes('role') || (changed.includes('disabled') && req.disabled === true);
      const tokens = revoke ? this.auth.revokeAll(username) : 0;
      if (changed.length > 0) {
        const detail: Record<string, unknown> = { changed, revokedTokens: tokens };
        if (changed.includes('role')) detail.role = { from: before.role, to: req.role };
        if (changed.includes('disabled')) detail.disabled = req.disabled;
        this.audit.record('account_changed', username, { actor, address, detail });
      }
      return revoke;
    });
    if (revoked) this.streams.closeWhere({ username });
    return this.get(username) as AccountView;
  }
}
