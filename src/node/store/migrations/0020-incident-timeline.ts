import type { Database } from 'better-sqlite3';

// v1.1 incidents: notes (central ones from the feed, this console's waiting beside them), the timeline events of
// the feed, and a full-text index (FTS5) over incident titles, OPD and notes kept current by triggers.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incident_notes (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, data TEXT NOT NULL, seq INTEGER UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('pending', 'synced', 'rejected')), error TEXT);
    CREATE INDEX incident_notes_incident ON incident_notes (incident_id, seq);
    CREATE TABLE incident_events (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE INDEX incident_events_incident ON incident_events (incident_id, seq);

    CREATE VIRTUAL TABLE incident_search USING fts5(incident_id UNINDEXED, note_id UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER incident_search_add AFTER INSERT ON incidents BEGIN
      INSERT INTO incident_search (incident_id, note_id, body) VALUES (NEW.id, NULL,
        concat_ws(' ', json_extract(COALESCE(NEW.local_data, NEW.data), '$.title'), json_extract(COALESCE(NEW.local_data, NEW.data), '$.assignedOpd')));
    END;
    CREATE TRIGGER incident_search_change AFTER UPDATE OF data, local_data ON incidents BEGIN
      DELETE FROM incident_search WHERE incident_id = OLD.id AND note_id IS NULL;
      INSERT INTO incident_search (incident_id, note_id, body) VALUES (NEW.id, NULL,
        concat_ws(' ', json_extract(COALESCE(NEW.local_data, NEW.data), '$.title'), json_extract(COALESCE(NEW.local_data, NEW.data), '$.assignedOpd')));
    END;
    CREATE TRIGGER incident_search_drop AFTER DELETE ON incidents BEGIN
      DELETE FROM incident_search WHERE incident_id = OLD.id AND note_id IS NULL;
    END;
    CREATE TRIGGER incident_search_note AFTER INSERT ON incident_notes BEGIN
      INSERT INTO incident_search (incident_id, note_id, body) VALUES (NEW.incident_id, NEW.id, json_extract(NEW.data, '$.text'));
    END;
    CREATE TRIGGER incident_search_note_drop AFTER DELETE ON incident_notes BEGIN
      DELETE FROM incident_search WHERE note_id = OLD.id;
    END;
    INSERT INTO incident_search (incident_id, note_id, body) SELECT id, NULL,
      concat_ws(' ', json_extract(COALESCE(local_data, data), '$.title'), json_extract(COALESCE(local_data, data), '$.assignedOpd')) FROM incidents;
  `);
}
