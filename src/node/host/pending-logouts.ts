// Logging out ends the operator's session at the centre (DELETE /session). When the central API cannot be
// reached at that moment, the token would stay valid there until it expires, so it is kept here, sealed, for
// that one purpose and nothing else, and the logout is sent again: when the link is back, at the next login, and
// on a timer while any waits (with nobody logged in, nothing else here talks to the central API).
import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../ports/secret-store';
import type { ConsoleStore } from '../store/console-store';
import { CentralError, type CentralClient } from '../sync/central-client';

const PREFIX = 'logout:';

export class PendingLogouts {
  private retrying: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ConsoleStore,
    private readonly secrets: SecretStore,
    private readonly client: Pick<CentralClient, 'logout'>,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Ends `token`'s central session now, or keeps it (sealed) to end it once the central API answers. */
  async end(token: string): Promise<void> {
    if (await this.send(token)) return;
    this.store.setSetting(PREFIX + randomUUID(), this.secrets.seal(token));
  }

  /** Tries the waiting logouts every `everyMs` (and once now) until stop(). */
  start(everyMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.count() > 0) void this.retry();
    }, everyMs);
    this.timer.unref();
    if (this.count() > 0) void this.retry();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Tokens whose logout still waits. */
  count(): number {
    return this.store.settingsWithPrefix(PREFIX).length;
  }

  /** Sends every waiting logout again; one retry at a time. */
  retry(): Promise<void> {
    this.retrying ??= this.retryAll().finally(() => {
      this.retrying = null;
    });
    return this.retrying;
  }

  private async retryAll(): Promise<void> {
    for (const row of this.store.settingsWithPrefix(PREFIX)) {
      let token: string;
      try {
        token = this.secrets.open(row.value);
      } catch {
        // Sealed elsewhere or damaged: nothing this console can send any more; the token expires at the centre.
        this.store.setSetting(row.key, null);
        continue;
      }
      if (await this.send(token)) this.store.setSetting(row.key, null);
    }
  }

  /** True when the central side has no session for `token` any more (ended now, or refused as unknown). */
  private async send(token: string): Promise<boolean> {
    try {
      await this.client.logout(token);
      return true;
    } catch (e) {
      if (e instanceof CentralError && e.status === 401) return true;
      this.log(`logout: the central API did not end the session (${(e as Error).message}); sent again later`);
      return false;
    }
  }
}
