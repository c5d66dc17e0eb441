// The hub's audit records (central-api.md v1.1): logins, logouts, failed logins, lockouts, account changes.
import type { HubOps, HubStorage } from './hub-storage';

export const AUDIT_KINDS = [
  'login',
  'logout',
  'login_failed',
  'lockout',
  'account_created',
  'account_changed',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  kind: AuditKind;
  /** The account the record is about (for a failed login, the name that was tried). */
  username: string;
  /** Who did it, when someone other than `username` (a supervisor changing an account). */
  actor: string | null;
  address: string | null;
  detail: unknown;
}

export class AuditLog {
  constructor(
    private readonly hub: HubStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** `on`: the transaction the record commits with, when there is one. */
  record(
    kind: AuditKind,
    username: string,
    opts: { actor?: string; address?: string; detail?: unknown } = {},
    on: HubOps = this.hub,
  ): Promise<void> {
    return on.insertAudit({
      at: new Date(this.now()).toISOString(),
      kind,
      username: username.slice(0, 64),
      actor: opts.actor ?? null,
      address: opts.address ?? null,
      detail: opts.detail === undefined ? null : JSON.stringify(opts.detail),
    });
  }

  /** Newest first; `before` pages further back by id. */
  async list(limit: number, before?: number, username?: string): Promise<AuditEntry[]> {
    const rows = await this.hub.listAudit(limit, before ?? Number.MAX_SAFE_INTEGER, username);
    return rows.map((r) => ({
      ...r,
      kind: r.kind as AuditKind,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    }));
  }
}
