// Keeps the cache in step with the central API: pull pages, follow the stream, push the outbox.
// Reads never wait for it; it reports what it knows as one connection state.
import type { Change, EntityName } from '../../common/central-api';
import { HEARTBEAT_MS } from '../../common/central-api';
import type { SyncStatus } from '../../common/host-api';
import type { ConsoleStore } from '../store/console-store';
import type { TokenBook } from '../host/token-book';
import { StagedResync } from '../store/resync';
import { ENTITIES } from '../../common/central-api';
import { fullJitter, sleep } from './backoff';
import { CentralError, NetworkError, type CentralClient } from './central-client';

export interface SyncEngineOptions {
  client: CentralClient;
  store: ConsoleStore;
  tokens: TokenBook;
  consoleId: string;
  heartbeatMs?: number;
  log?: (line: string) => void;
  onStatus?: (s: SyncStatus) => void;
  onChanged?: (entities: EntityName[]) => void;
}

const PUSH_BATCH = 500;
const PUSH_INTERVAL_MS = 5_000;

export class SyncEngine {
  private running = false;
  private readonly stopper = new AbortController();
  private online = false;
  private lastSyncAt: string | null = null;
  private lastError: string | null = null;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private pushFailures = 0;
  private resyncTimes: number[] = [];
  private pushTimer: NodeJS.Timeout | null = null;
  private followLoop: Promise<void> | null = null;
  private wakeFollow: (() => void) | null = null;
  private readonly heartbeatMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly o: SyncEngineOptions) {
    this.heartbeatMs = o.heartbeatMs ?? HEARTBEAT_MS;
    this.log = o.log ?? (() => {});
    o.tokens.onChange(() => { this.wakeFollow?.(); this.kick(); });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.followLoop = this.follow();
    this.pushTimer = setInterval(() => this.kick(), PUSH_INTERVAL_MS);
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopper.abort();
    if (this.pushTimer) clearInterval(this.pushTimer);
    await Promise.allSettled([this.followLoop, this.pushing]);
  }

  status(): SyncStatus {
    const { pending, rejected } = this.o.store.outbox.counts();
    return {
      hubUrl: this.o.client.baseUrl, online: this.online, lastSeq: this.o.store.cursor(),
      pending, rejected, lastSyncAt: this.lastSyncAt, lastError: this.lastError,
    };
  }

  /** Push soon: after a write, on the timer, when a token arrives. Never more than one push at a time. */
  kick(): void {
    if (!this.running) return;
    if (this.pushing) { this.pushAgain = true; return; }
    this.pushing = this.drain().finally(() => {
      this.pushing = null;
      if (this.pushAgain && this.running) { this.pushAgain = false; this.kick(); }
    });
  }

  private setState(online: boolean, error: string | null, synced = false): void {
    const changed = online !== this.online || error !== this.lastError || synced;
    this.online = online;
    this.lastError = error;
    if (synced) this.lastSyncAt = new Date().toISOString();
    if (changed) this.o.onStatus?.(this.status());
  }

  private applyPage(changes: readonly Change[], lastSeq: number): void {
    const outcome = this.o.store.applyPage(changes, lastSeq);
    for (const s of outcome.skipped) this.log(`sync: skipped change ${s.seq}: ${s.reason}`);
    if (outcome.entities.length > 0) this.o.onChanged?.(outcome.entities);
  }

  private async pullAll(token: string): Promise<void> {
    for (;;) {
      const page = await this.o.client.changes(this.o.store.cursor(), token);
      this.applyPage(page.changes, page.lastSeq);
      if (!page.more) return;
    }
  }

  private async follow(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      const token = this.o.tokens.readToken();
      if (!token) {
        this.setState(false, 'login_required');
        await new Promise<void>((resolve) => { this.wakeFollow = resolve; setTimeout(resolve, 2_000); });
        continue;
      }
      try {
        await this.pullAll(token);
        this.setState(true, null, true);
        attempt = 0;
        await this.stream(token);
      } catch (e) {
        if (!this.running) return;
        if (e instanceof CentralError && e.status === 401) this.o.tokens.drop(token);
        if (e instanceof CentralError && e.status === 410 && (await this.resync(token))) continue;
        this.setState(false, describe(e));
        await sleep(fullJitter(attempt++, 500, 10_000), this.stopper.signal);
      }
    }
  }

  /**
   * The central side no longer keeps changes since our cursor: download everything into staging and swap it in.
   * A central side that keeps asking for this is backed off, not obeyed in a tight loop.
   */
  private async resync(token: string): Promise<boolean> {
    const now = Date.now();
    this.resyncTimes = this.resyncTimes.filter((t) => now - t < 10 * 60_000);
    if (this.resyncTimes.length >= 3) {
      this.setState(false, 'resync_loop: the central API asked for a full download 3 times in 10 minutes; retrying later');
      await sleep(60_000, this.stopper.signal);
      return false;
    }
    this.resyncTimes.push(now);
    this.log('sync: the central API asked for a full download (410); staging it');
    const staged = new StagedResync(this.o.store, `${this.o.store.path}.resync`);
    try {
      for (;;) {
        const page = await this.o.client.changes(staged.cursor(), token, 5000);
        staged.applyPage(page.changes, page.lastSeq);
        if (!page.more) break;
      }
      staged.commit();
    } catch (e) {
      staged.discard();
      throw e;
    }
    this.o.onChanged?.([...ENTITIES]);
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
      watchdog = setTimeout(() => { silent = true; abort.abort(); }, 2 * this.heartbeatMs);
    };
    let buffer: Change[] = [];
    const flush = () => {
      if (buffer.length === 0) return;
      const page = buffer;
      buffer = [];
      this.applyPage(page, page[page.length - 1]!.seq);
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
          this.setState(true, null, true);
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

  private async drain(): Promise<void> {
    while (this.running) {
      const batch = this.o.store.outbox.nextBatch(PUSH_BATCH);
      const first = batch[0];
      if (!first) return;
      const token = this.o.tokens.forOperator(first.operatorId);
      if (!token) {
        this.setState(this.online, `login_required:${first.operatorId}`);
        return;
      }
      try {
        const res = await this.o.client.mutations({ consoleId: this.o.consoleId, mutations: batch.map((e) => e.mutation) }, token);
        this.o.store.outbox.settle(batch, res.results);
        this.pushFailures = 0;
        this.o.onStatus?.(this.status());
        this.o.onChanged?.(['decision', 'incident']);
      } catch (e) {
        if (e instanceof CentralError && e.status === 401) { this.o.tokens.drop(token); continue; }
        if (e instanceof CentralError && (e.status === 400 || e.status === 403 || e.status === 413)) {
          // The whole call was refused: show each entry to the operator instead of retrying forever.
          this.o.store.outbox.settle(batch, batch.map((b) => ({ id: b.mutation.id, status: 'rejected' as const, error: { code: e.code, message: e.message } })));
          this.o.onStatus?.(this.status());
          this.o.onChanged?.(['decision', 'incident']);
          continue;
        }
        this.setState(false, describe(e));
        await sleep(fullJitter(this.pushFailures++), this.stopper.signal);
      }
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof CentralError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
