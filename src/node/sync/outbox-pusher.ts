// Drains the outbox to the central API: in order, in batches, on a timer and on new writes, with full-jitter
// back-off and a bound on retries per minute. `duplicate` is success; `rejected` is parked and shown, never retried.
import { MAX_BODY_BYTES } from '../../common/central-api';
import type { TokenBook } from './token-book';
import type { ConsoleStore } from '../store/console-store';
import type { OutboxEntry } from '../store/outbox';
import { fullJitter, RetryBudget } from './backoff';
import { CentralError, type CentralClient } from './central-client';
import type { ConnectionState } from './connection-state';

export interface PusherOptions {
  client: CentralClient;
  store: ConsoleStore;
  tokens: TokenBook;
  consoleId: string;
  connection: ConnectionState;
  /** Something was settled: the outbox count and local records changed. */
  onSettled: () => void;
  log?: (line: string) => void;
  baseMs?: number;
  capMs?: number;
  retriesPerMinute?: number;
  /** The budget's window (a minute; shorter in tests). */
  retryWindowMs?: number;
  random?: () => number;
}

interface Sent {
  batch: OutboxEntry[];
  token: string;
  answer: ReturnType<CentralClient['mutations']>;
}

export const PUSH_BATCH = 500;
/** Half the central API's body limit, so a batch of long decisions is never refused as too large. */
export const PUSH_BATCH_BYTES = MAX_BODY_BYTES / 2;

export class OutboxPusher {
  private running = false;
  private pushing: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private batchLimit = PUSH_BATCH;
  private wakeUp: (() => void) | null = null;
  private readonly budget: RetryBudget;
  private readonly log: (line: string) => void;

  constructor(private readonly o: PusherOptions) {
    this.budget = new RetryBudget(o.retriesPerMinute ?? 20, o.retryWindowMs ?? 60_000);
    this.log = o.log ?? (() => {});
  }

  start(): void {
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.pushing;
  }

  /** Push soon: after a write, on the timer, when a token arrives. Never more than one push at a time. */
  kick(): void {
    if (!this.running) return;
    if (this.pushing) {
      this.again = true;
      return;
    }
    this.pushing = this.drain()
      .catch((e: unknown) => this.log(`sync: push loop: ${String(e)}`))
      .finally(() => {
        this.pushing = null;
        if (this.again && this.running) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** The link came back: retry now instead of finishing the back-off (the retry budget still holds). */
  wake(): void {
    this.failures = 0;
    this.wakeUp?.();
  }

  private async drain(): Promise<void> {
    let next: Sent | null = null;
    while (this.running) {
      const sent = next ?? this.send(0);
      next = null;
      if (!sent) return;
      const { batch, token } = sent;
      try {
        const res = await sent.answer;
        // The next call goes out at once (the central side handles one call after the other, so order holds)
        // while this answer is written down: the local commit overlaps the central side's work.
        next = this.send(batch[batch.length - 1]!.n);
        this.o.store.outbox.settle(batch, res.results);
        this.failures = 0;
        this.budget.reset();
        this.batchLimit = PUSH_BATCH;
        this.o.connection.heard(true);
        this.o.onSettled();
      } catch (e) {
        // An answer not written down: the next call, if sent, is left to the retry (it will be a duplicate).
        next?.answer.catch(() => {});
        next = null;
        if (!this.running) return;
        if (e instanceof CentralError && e.status === 401) {
          this.o.tokens.drop(token);
          continue;
        }
        if (e instanceof CentralError && e.status === 413 && batch.length > 1) {
          this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        if (e instanceof CentralError && (e.status === 400 || e.status === 403 || e.status === 413)) {
          this.refuseAll(batch, e);
          continue;
        }
        this.o.connection.failed(e);
        await this.backOff(e);
      }
    }
  }

  /** Sends the next batch queued after entry `after`; null when none waits or its operator has no token. */
  private send(after: number): Sent | null {
    const batch = this.o.store.outbox.nextBatch(this.batchLimit, PUSH_BATCH_BYTES, after);
    const first = batch[0];
    if (!first) return null;
    const token = this.o.tokens.forOperator(first.operatorId);
    if (!token) {
      this.o.connection.note(`login_required:${first.operatorId}`);
      return null;
    }
    const answer = this.o.client.mutations(
      { consoleId: this.o.consoleId, mutations: batch.map((e) => e.mutation) },
      token,
    );
    answer.catch(() => {}); // awaited in drain(); a failure before that must not count as unhandled
    return { batch, token, answer };
  }

  /** The whole call was refused: each entry is shown to the operator instead of being retried forever. */
  private refuseAll(batch: readonly OutboxEntry[], e: CentralError): void {
    this.o.store.outbox.settle(
      batch,
      batch.map((b) => ({
        id: b.mutation.id,
        status: 'rejected' as const,
        error: { code: e.code, message: e.message },
      })),
    );
    this.o.onSettled();
  }

  private async backOff(e: unknown): Promise<void> {
    const hinted =
      e instanceof CentralError && e.status === 429
        ? Number((e.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs) || 0
        : 0;
    const jitter = fullJitter(this.failures++, this.o.baseMs ?? 500, this.o.capMs ?? 30_000, this.o.random);
    await this.pause(Math.max(jitter, hinted), true);
    // However early the wake, no more than the budget's retries a minute.
    for (let wait = this.budget.waitMs(); wait > 0 && this.running; wait = this.budget.waitMs())
      await this.pause(wait, false);
    this.budget.spend();
  }

  private pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(t);
        if (this.wakeUp === wake) this.wakeUp = null;
        resolve();
      };
      const wake = wakeable
        ? finish
        : () => {
            if (!this.running) finish();
          };
      const t = setTimeout(finish, ms);
      this.wakeUp = wake;
    });
  }
}
