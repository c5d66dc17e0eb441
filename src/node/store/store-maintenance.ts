// Keeps the console database healthy while the host runs: the WAL checkpointed, a full integrity check off the
// event loop, an online backup on a schedule and on demand; whatever goes wrong becomes a notice for the operator.
import { Emitter } from '../../common/emitter';
import { systemNow } from '../ports/clock';
import type { ConsoleStore } from './console-store';
import { integrityCheck } from '../base/sqlite-file';
import { backupStore } from './store-guard';

export interface MaintenanceOptions {
  /** What opening the store had to say (a damaged file moved aside, a backup restored). */
  openNotice?: string | null;
  checkpointMs?: number;
  backupMs?: number;
  checkMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** The notice changed (also announced as the `notice` event). */
  onNotice?: () => void;
}

type NoticeKind = 'open' | 'check' | 'backup';

export class StoreMaintenance {
  /** `notice`: what notice() says changed. */
  readonly events = new Emitter<{ notice: string | null }>();
  private readonly notices = new Map<NoticeKind, string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private backingUp: Promise<{ path: string; bytes: number; at: string }> | null = null;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;

  constructor(
    private readonly store: ConsoleStore,
    private readonly o: MaintenanceOptions = {},
  ) {
    this.log = o.log ?? (() => {});
    this.now = o.now ?? systemNow;
    if (o.openNotice) this.notices.set('open', o.openNotice);
  }

  start(): void {
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.o.checkpointMs ?? 60_000, () => this.checkpoint());
    every(this.o.backupMs ?? 10 * 60_000, () => {
      this.backup().catch(() => {});
    });
    every(this.o.checkMs ?? 60 * 60_000, () => {
      void this.check();
    });
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  /** Shown to the operator with the sync status until the cause is gone. */
  notice(): string | null {
    return this.notices.size === 0 ? null : [...this.notices.values()].join(' ');
  }

  checkpoint(): void {
    try {
      this.store.checkpoint();
    } catch (e) {
      this.log(`store: checkpoint: ${(e as Error).message}`);
    }
  }

  /** One backup at a time; a second request while one runs gets the same result. */
  backup(): Promise<{ path: string; bytes: number; at: string }> {
    this.backingUp ??= backupStore(this.store)
      .then((r) => {
        this.setNotice('backup', null);
        return { ...r, at: this.now().toISOString() };
      })
      .catch((e: Error) => {
        this.log(`store: backup failed: ${e.message}`);
        this.setNotice('backup', `The backup of the local database failed: ${e.message}.`);
        throw e;
      })
      .finally(() => {
        this.backingUp = null;
      });
    return this.backingUp;
  }

  /** A full integrity check of the live file, on a worker thread. */
  async check(): Promise<string> {
    const result = await integrityCheck(this.store.path);
    if (result !== 'ok') this.log(`store: integrity check: ${result}`);
    this.setNotice(
      'check',
      result === 'ok'
        ? null
        : `The local database failed its integrity check (${result}). Restart Nawa: it will set the file aside and restore the last good backup.`,
    );
    return result;
  }

  private setNotice(kind: NoticeKind, text: string | null): void {
    const before = this.notice();
    if (text === null) this.notices.delete(kind);
    else this.notices.set(kind, text);
    if (this.notice() === before) return;
    this.o.onNotice?.();
    this.events.emit('notice', this.notice());
  }
}
