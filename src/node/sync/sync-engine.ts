// Keeps the cache in step with the central API: pull pages, follow the stream, push the outbox (outbox-pusher.ts).
// Reads never wait for it; heartbeats, answers and failures feed one connection state (connection-state.ts).
import type { Change, EntityName } from '../../common/central-api';
import { ENTITIES, HEARTBEAT_MS } from '../../common/central-api';
import { Emitter } from '../../common/emitter';
import type { SyncStatus } from '../../common/host-api';
import { systemNow } from '../ports/clock';
import type { ConsoleStore } from '../store/console-store';
import type { TokenBook } from './token-book';
import { StagedResync } from '../store/resync';
import { fullJitter, sleep } from './backoff';
import { CentralError, NetworkError, type CentralClient } from './central-client';
import { ConnectionState } from './connection-state';
import { OutboxPusher } from './outbox-pusher';

export interface SyncEngineOptions {
  client: CentralClient;
  store: ConsoleStore;
  tokens: TokenBook;
  consoleId: string;
  heartbeatMs?: number;
  /** The host's clock (lastSyncAt); ordering never depends on it. */
  now?: () => Date;
  /** What the store guard wants the operator to know (a restored backup, a failed check), shown with the status. */
  notice?: () => string | null;
  /** Changes applied per local transaction: a large page is applied in slices, yielding between them. */
  applySlice?: number;
  retriesPerMinute?: number;
  log?: (line: string) => void;
}

/** What the sync engine announces: its status changed; central records (or the answers to our writes) came in. */
export interface SyncEvents extends Record<string, unknown> {
  status: SyncStatus;
  changed: EntityName[];
}

const PAGE = 500;
/**
 * Changes applied per local transaction when the options name no other number (the ingest bench follows it): a
 * page of the feed. Each commit costs a sync of the WAL and rewrites every page the slice touched (a slice of
 * readings touches each series' last page): in A/B runs here slices of 200 took readings in at 0.6-0.7 times the
 * rate of slices of 500 (and 0.4-0.6 times that of 1,000). A slice of 500 readings holds the loop some 5-10 ms.
 */
export const DEFAULT_APPLY_SLICE = PAGE;
const LAST_SYNC_KEY = 'sync.lastSyncAt';
const RESYNC_PAGE = 5000;
const PUSH_INTERVAL_MS = 5_000;
type Apply = (
  changes: readonly Change[],
  lastSeq: number,
) => { entities: EntityName[]; skipped: { seq: number; reason: string }[] };
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SyncEngine {
  readonly connection: ConnectionState;
  readonly events = new Emitter<SyncEvents>();
  private running = false;
  private readonly stopper = new AbortController();
  private resyncTimes: number[] = [];
  private pushTimer: NodeJS.Timeout | null = null;
  private followLoop: Promise<void> | null = null;
  private wakeFollow: (() => void) | null = null;
  private readonly pusher: OutboxPusher;
  private readonly heartbeatMs: number;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;

  constructor(private readonly o: SyncEngineOptions) {
    this.heartbeatMs = o.heartbeatMs ?? HEARTBEAT_MS;
    this.log = o.log ?? (() => {});
    this.now = o.now ?? systemNow;
    this.connection = new ConnectionState(2 * this.heartbeatMs, this.now, o.store.setting(LAST_SYNC_KEY), (at) => {
      try {
        o.store.setSetting(LAST_SYNC_KEY, at);
      } catch (e) {
        this.log(`sync: keeping lastSyncAt: ${(e as Error).message}`);
      }
    });
    this.pusher = new OutboxPusher({
      client: o.client,
      store: o.store,
      tokens: o.tokens,
      consoleId: o.consoleId,
      connection: this.connection,
      retriesPerMinute: o.retriesPerMinute,
      log: this.log,
      onSettled: () => this.events.emit('changed', ['decision', 'incident', 'layout']),
    });
    this.connection.onChange((_s, cameOnline) => {
      // Whichever side hears the central API again first wakes the other from its back-off.
      if (cameOnline) {
        this.pusher.wake();
        this.wakeFollow?.();
      }
      this.events.emit('status', this.status());
    });
    o.tokens.onChange(() => {
      this.wakeFollow?.();
      this.kick();
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.pusher.start();
    this.followLoop = this.follow();
    this.pushTimer = setInterval(() => this.kick(), PUSH_INTERVAL_MS);
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopper.abort();
    this.wakeFollow?.();
    if (this.pushTimer) clearInterval(this.pushTimer);
    this.connection.stop();
    await Promise.allSettled([this.followLoop, this.pusher.stop()]);
  }

  status(): SyncStatus {
    const { pending, rejected } = this.o.store.outbox.counts();
    const c = this.connection.snapshot();
    return {
      hubUrl: this.o.client.baseUrl,
      online: c.online,
      lastSeq: this.o.store.cursor(),
      pending,
      rejected,
      lastSyncAt: c.lastSyncAt,
      lastError: c.lastError,
      notice: this.o.notice?.() ?? null,
    };
  }

  /** Push soon: after a write, on the timer, when a token arrives. */
  kick(): void {
    if (this.running) this.pusher.kick();
  }

  /** Applies changes in slices of their own transactions, each with the cursor after it, so the loop stays free. */
  private async applyChanges(
    changes: readonly Change[],
    lastSeq: number,
    apply: Apply = this.applyToStore,
  ): Promise<void> {
    const slice = this.o.applySlice ?? DEFAULT_APPLY_SLICE;
    const touched = new Set<EntityName>();
    for (let i = 0; i < changes.length || i === 0; i += slice) {
      const last = i + slice >= changes.length;
      const part = changes.slice(i, i + slice);
      for (const e of this.applyNow(part, last ? lastSeq : part[part.length - 1]!.seq, apply, false)) touched.add(e);
      if (!last) await yieldToLoop();
    }
    if (touched.size > 0) this.events.emit('changed', [...touched]);
  }

  private readonly applyToStore: Apply = (c, s) => this.o.store.applyPage(c, s);

  private applyNow(
    changes: readonly Change[],
    lastSeq: number,
    apply: Apply = this.applyToStore,
    announce = true,
  ): EntityName[] {
    const outcome = apply(changes, lastSeq);
    for (const s of outcome.skipped) this.log(`sync: skipped change ${s.seq}: ${s.reason}`);
    if (announce && outcome.entities.length > 0) this.events.emit('changed', outcome.entities);
    return outcome.entities;
  }

  /** Pages in a row; the next page is already on its way while this one is applied. */
  private async pullAll(token: string): Promise<void> {
    let next = this.o.client.changes(this.o.store.cursor(), token, PAGE);
    for (;;) {
      const page = await next;
      this.connection.heard();
      if (page.more) {
        next = this.o.client.changes(page.lastSeq, token, PAGE);
        next.catch(() => {}); // awaited on the next turn; an early failure must not go unhandled meanwhile
      }
      await this.applyChanges(page.changes, page.lastSeq);
      if (!page.more) return;
      if (!this.running) return;
    }
  }

  private async follow(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      const token = this.o.tokens.readToken();
      if (!token) {
        this.connection.idle('login_required');
        await new Promise<void>((resolve) => {
          this.wakeFollow = resolve;
          setTimeout(resolve, 2_000);
        });
        continue;
      }
      try {
        await this.pullAll(token);
        this.connection.heard(true);
        attempt = 0;
        await this.stream(token);
      } catch (e) {
        if (!this.running) return;
        this.connection.failed(e);
        if (e instanceof CentralError && e.status === 401) this.o.tokens.drop(token);
        if (e instanceof CentralError && e.status === 410 && (await this.resync(token))) continue;
        await new Promise<void>((resolve) => {
          this.wakeFollow = resolve;
          void sleep(fullJitter(attempt++, 500, 10_000), this.stopper.signal).then(resolve);
        });
      }
    }
  }

  /**
   * The central side no longer keeps changes since our cursor: download everything into staging and swap it in.
   * A central side that keeps asking for this is backed off, not obeyed in a tight loop.
   */
  private async resync(token: string): Promise<boolean> {
    const now = this.now().getTime();
    this.resyncTimes = this.resyncTimes.filter((t) => now - t < 10 * 60_000);
    if (this.resyncTimes.length >= 3) {
      this.connection.failed(
        new Error('resync_loop: the central API asked for a full download 3 times in 10 minutes; retrying later'),
      );
      await sleep(60_000, this.stopper.signal);
      return false;
    }
    this.resyncTimes.push(now);
    this.log('sync: the central API asked for a full download (410); staging it');
    const staged = new StagedResync(this.o.store, `${this.o.store.path}.resync`);
    try {
      for (;;) {
        const page = await this.o.client.changes(staged.cursor(), token, RESYNC_PAGE);
        this.connection.heard();
        await this.applyChanges(page.changes, page.lastSeq, (c, s) => staged.applyPage(c, s));
        if (!page.more) break;
      }
      staged.commit();
    } catch (e) {
      staged.discard();
      throw e;
    }
    this.events.emit('changed', [...ENTITIES]);
    return true;
  }

  /** Follows the stream until it fails or goes silent for two heartbeat intervals. */
  private async stream(token: string): Promise<void> {
    const abort = new AbortController();
    const stopAll = () => abort.abort();
    if (this.stopper.signal.aborted) return;
    this.stopper.signal.addEventListener('abort', stopAll, { once: true });
    let silent = false;
    let watchdog = setTimeout(() => {}, 0);
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        abort.abort();
      }, 2 * this.heartbeatMs);
    };
    let buffer: Change[] = [];
    const flush = () => {
      if (buffer.length === 0) return;
      const page = buffer;
      buffer = [];
      this.applyNow(page, page[page.length - 1]!.seq);
    };
    arm();
    try {
      await this.o.client.stream(this.o.store.cursor(), token, abort.signal, (event) => {
        arm();
        if (event.type === 'change') {
          buffer.push(event.change);
          if (buffer.length >= 200) flush();
          else queueMicrotask(flush);
        } else {
          flush();
          this.connection.heard(true);
        }
      });
    } finally {
      clearTimeout(watchdog);
      this.stopper.signal.removeEventListener('abort', stopAll);
      flush();
    }
    if (silent) throw new NetworkError('the central API went silent (no heartbeat)');
    if (this.running) throw new NetworkError('the stream ended');
  }
}
