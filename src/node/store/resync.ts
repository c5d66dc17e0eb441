// A full download after `410 resync_required`: pages go into a staging file, then one transaction swaps the
// central tables, so the operator never sees an empty cache; what waits to be pushed lives in the outbox, untouched.
import { rmSync } from 'node:fs';
import type { Change } from '../../common/central-api';
import { ConsoleStore } from './console-store';

// Decisions are not swapped wholesale: the verifier merges them (what this console verified stays).
const CENTRAL_TABLES = [
  'sites',
  'statuses',
  'series',
  'readings',
  'reading_hours',
  'incidents',
  'layouts',
  'incident_notes',
  'incident_events',
] as const;

export class StagedResync {
  private readonly stage: ConsoleStore;

  constructor(
    private readonly target: ConsoleStore,
    private readonly stagePath: string,
  ) {
    rmSync(stagePath, { force: true });
    rmSync(`${stagePath}-wal`, { force: true });
    this.stage = ConsoleStore.open(stagePath);
  }

  cursor(): number {
    return this.stage.cursor();
  }

  applyPage(changes: readonly Change[], lastSeq: number) {
    return this.stage.applyPage(changes, lastSeq);
  }

  /** Swaps the staged copy in, in one transaction of the live store. */
  commit(): void {
    const cursor = this.stage.cursor();
    this.stage.close();
    try {
      // Decisions verified here are kept, the fresh ones after them taken when they agree (decision-verifier.ts).
      this.target.swapCentral(this.stagePath, CENTRAL_TABLES, cursor, () => this.target.trust.mergeStaged());
    } finally {
      this.discard();
    }
  }

  discard(): void {
    try {
      this.stage.close();
    } catch {
      /* already closed */
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.stagePath + suffix, { force: true });
  }
}
