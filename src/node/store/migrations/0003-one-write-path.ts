import type { Database } from 'better-sqlite3';

// One local-write path for every synced entity: a pending write *is* its outbox row, which carries the optimistic
// local copy (`shown`) beside the mutation; the entity tables hold only what the central side holds. Moves the
// three older ways in: pending decisions (state column), incident edits (local_data) and layout drafts (overlaid
// from the outbox row when read). A decision the central side took but the feed did not bring yet stays as an
// `applied` row; a refused decision the operator dismissed stays in the log as a `dismissed` row.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outbox_next (n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL,
      record_id TEXT NOT NULL, op TEXT NOT NULL, base_version INTEGER, data TEXT NOT NULL, shown TEXT,
      client_time TEXT NOT NULL, operator_id TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'rejected', 'conflict', 'dismissed')),
      error TEXT, current TEXT, attempts INTEGER NOT NULL DEFAULT 0);
    INSERT INTO outbox_next (n, id, entity, record_id, op, base_version, data, shown, client_time, operator_id, state, error, current, attempts)
      SELECT n, id, entity, COALESCE(json_extract(data, '$.id'), id), op, base_version, data, NULL, client_time, operator_id,
        state, error, current, attempts FROM outbox;

    UPDATE outbox_next SET shown = (SELECT d.data FROM decisions d WHERE d.id = outbox_next.record_id AND d.state != 'synced')
      WHERE entity = 'decision';
    INSERT INTO outbox_next (id, entity, record_id, op, data, shown, client_time, operator_id, state, error)
      SELECT d.id, 'decision', d.id, 'upsert', json_remove(d.data, '$.operatorId', '$.consoleId'), d.data, d.recorded_at,
        COALESCE(json_extract(d.data, '$.operatorId'), ''), CASE d.state WHEN 'pending' THEN 'applied' ELSE 'dismissed' END, d.error
      FROM decisions d WHERE d.state != 'synced' AND d.id NOT IN (SELECT record_id FROM outbox_next WHERE entity = 'decision')
      ORDER BY d.rowid;
    DELETE FROM decisions WHERE state != 'synced';

    UPDATE outbox_next SET shown = (SELECT i.local_data FROM incidents i WHERE i.id = outbox_next.record_id)
      WHERE entity = 'incident' AND state = 'pending';
    DELETE FROM incidents WHERE version = 0;
    ALTER TABLE incidents DROP COLUMN local_data;

    UPDATE outbox_next SET shown = json_set(data,
        '$.version', COALESCE(base_version, (SELECT l.version FROM layouts l WHERE l.id = outbox_next.record_id), 1),
        '$.updatedAt', client_time)
      WHERE entity = 'layout' AND op = 'upsert' AND state = 'pending';

    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE INDEX outbox_pending ON outbox (state, n);
    CREATE INDEX outbox_record ON outbox (entity, record_id, n);
  `);
}
