// The hub's audit records (central-api.md v1.1): logins, logouts, failed logins, lockouts, account changes.
import type { HubDb } from './hub-db';

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

interface Row {
  id: number;
  at: string;
  kind: AuditKind;
  username: string;
  actor: string | null;
  address: string | null;
  detail: string | null;
}

export class AuditLog {
  constructor(
    private readonly hub: HubDb,
    private readonly now: () => number = Date.now,
  ) {}

  record(kind: AuditKind, username: string, opts: { actor?: string; address?: string; detail?: unknown } = {}): void {
    this.hub
      .stmt('INSERT INTO audit (at, kind, username, actor, address, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        new Date(this.now()).toISOString(),
        kind,
        username.slice(0, 64),
        opts.actor ?? null,
        opts.address ?? null,
        opts.detail === undefined ? null : JSON.stringify(opts.detail),
      );
  }

  /** Newest first; `before` pages further back by id. */
  list(limit: number, before?: number, username?: string): AuditEntry[] {
    const rows = this.hub
      .stmt(
        `SELECT id, at, kind, username, actor, address, detail FROM audit
             WHERE id < ? AND (? IS NULL OR username = ?) ORDER BY id DESC LIMIT ?`,
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, username ?? null, username ?? null, limit) as Row[];
    return rows.map((r) => ({ ...r, detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown) }));
  }
}
