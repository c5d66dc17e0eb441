// The central API tokens this console holds: one per operator who logged in here (their queued writes are
// pushed with their own token, so the central side records who decided), plus an optional read account.
import type { ConsoleStore } from '../store/console-store';
import type { SecretStore } from '../ports/secret-store';

interface Entry {
  token: string;
  expiresAt: string;
}
const PREFIX = 'token:';
export const SYNC_ACCOUNT = '(sync)';

export class TokenBook {
  private readonly tokens = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: ConsoleStore,
    private readonly secrets: SecretStore,
  ) {
    const rows = store.settingsWithPrefix(PREFIX);
    for (const r of rows) {
      try {
        this.tokens.set(r.key.slice(PREFIX.length), JSON.parse(secrets.open(r.value)) as Entry);
      } catch {
        store.setSetting(r.key, null); // sealed elsewhere or damaged: useless here, ask for a login instead
      }
    }
  }

  set(operatorId: string, token: string, expiresAt: string): void {
    const entry = { token, expiresAt };
    this.tokens.set(operatorId, entry);
    this.store.setSetting(PREFIX + operatorId, this.secrets.seal(JSON.stringify(entry)));
    this.emit();
  }

  /**
   * expiresAt is told by the central clock, and this console's clock may be hours off: judging it here would
   * throw away good tokens (and stall the outbox) on a fast clock. A token is used until the central side
   * refuses it (401), and dropped then.
   */
  forOperator(operatorId: string): string | null {
    return this.tokens.get(operatorId)?.token ?? null;
  }

  /** Any valid token can read the feed; the dedicated read account first. */
  readToken(): string | null {
    const sync = this.forOperator(SYNC_ACCOUNT);
    if (sync) return sync;
    for (const id of this.tokens.keys()) {
      const t = this.forOperator(id);
      if (t) return t;
    }
    return null;
  }

  /** The central side refused it (expired or revoked). */
  drop(token: string): void {
    for (const [id, e] of this.tokens) {
      if (e.token === token) {
        this.tokens.delete(id);
        this.store.setSetting(PREFIX + id, null);
      }
    }
    this.emit();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
