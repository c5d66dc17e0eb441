// A full download after `410 resync_required`: pages go into a staging file, then one transaction swaps the
// central tables, so the operator never sees an empty cache, and decisions still waiting to be pushed survive.
import { rmSync } from 'node:fs';
import type { Change } from '../../common/central-api';
import { ConsoleStore } from './console-store';

const CENTRAL_TABLES = ['sites', 'statuses', 'series', 'readings', 'incidents', 'layouts', 'incident_events'] as const;

export class StagedResync {
  private readonly stage: ConsoleStore;

  constructor(private readonly target: ConsoleStore, private readonly stagePath: string) {
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
    const db = this.target.db;
    db.prepare('ATTACH DATABASE ? AS stage').run(this.stagePath);
    try {
      db.transaction(() => {
        // An operator's incident edits still waiting (local_data), and incidents made here that the central side
        // has not taken yet, are this console's, not the feed's: they stay over the fresh copy.
        db.exec(`CREATE TEMP TABLE keep_incidents AS SELECT * FROM main.incidents WHERE local_data IS NOT NULL`);
        for (const t of CENTRAL_TABLES) {
          db.exec(`DELETE FROM main.${t}; INSERT INTO main.${t} SELECT * FROM stage.${t};`);
        }
        db.exec(`UPDATE main.incidents SET local_data = (SELECT k.local_data FROM keep_incidents k WHERE k.id = incidents.id)
            WHERE id IN (SELECT id FROM keep_incidents);
          INSERT INTO main.incidents SELECT * FROM keep_incidents WHERE id NOT IN (SELECT id FROM main.incidents);
          DROP TABLE keep_incidents;`);
        // Central decisions replace ours; ours that the central side never saw stay, still pending.
        db.exec(`DELETE FROM main.decisions WHERE state = 'synced';
          INSERT INTO main.decisions SELECT * FROM stage.decisions WHERE true
          ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq, hash = excluded.hash, state = 'synced', error = NULL;`);
        // Notes alike: central ones replaced, this console's still waiting (or refused, for review) kept.
        db.exec(`DELETE FROM main.incident_notes WHERE state = 'synced';
          INSERT INTO main.incident_notes SELECT * FROM stage.incident_notes WHERE true
          ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq, state = 'synced', error = NULL;`);
        db.prepare(`INSERT INTO main.sync_state (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(cursor));
      })();
    } finally {
      db.exec('DETACH DATABASE stage');
      this.discard();
    }
  }

  discard(): void {
    try { this.stage.close(); } catch { /* already closed */ }
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.stagePath + suffix, { force: true });
  }
}
