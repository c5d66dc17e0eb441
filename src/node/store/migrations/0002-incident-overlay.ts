import type { Database } from 'better-sqlite3';

// An operator's incident edit waits beside the central record instead of over it: the feed keeps updating
// `data`, the console shows `local_data` until the central side answers, and a lost edit stays reviewable.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE incidents ADD COLUMN local_data TEXT;
    ALTER TABLE outbox ADD COLUMN current TEXT;
  `);
}
