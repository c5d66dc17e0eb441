import type { Database } from 'better-sqlite3';

// v1.1 incidents: the central notes and the timeline events of the feed (this console's own notes wait in the
// outbox, the one write path, like every other write), and a full-text index (FTS5) over incident titles, OPD and
// note text kept current by triggers, on the central copies and on the writes still waiting in the outbox.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE incident_notes (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, data TEXT NOT NULL, seq INTEGER UNIQUE);
    CREATE INDEX incident_notes_incident ON incident_notes (incident_id, seq);
    CREATE TABLE incident_events (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE INDEX incident_events_incident ON incident_events (incident_id, seq);

    -- source: 'i' an incident's central copy, 'n' a central note, 'o' a waiting outbox row (key = its n).
    CREATE VIRTUAL TABLE incident_search USING fts5(incident_id UNINDEXED, source UNINDEXED, key UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER incident_search_add AFTER INSERT ON incidents BEGIN
      INSERT INTO incident_search (incident_id, source, key, body) VALUES (NEW.id, 'i', NEW.id,
        concat_ws(' ', json_extract(NEW.data, '$.title'), json_extract(NEW.data, '$.assignedOpd')));
    END;
    CREATE TRIGGER incident_search_change AFTER UPDATE OF data ON incidents BEGIN
      DELETE FROM incident_search WHERE source = 'i' AND key = OLD.id;
      INSERT INTO incident_search (incident_id, source, key, body) VALUES (NEW.id, 'i', NEW.id,
        concat_ws(' ', json_extract(NEW.data, '$.title'), json_extract(NEW.data, '$.assignedOpd')));
    END;
    CREATE TRIGGER incident_search_drop AFTER DELETE ON incidents BEGIN
      DELETE FROM incident_search WHERE source = 'i' AND key = OLD.id;
    END;
    CREATE TRIGGER incident_search_note AFTER INSERT ON incident_notes BEGIN
      INSERT INTO incident_search (incident_id, source, key, body) VALUES (NEW.incident_id, 'n', NEW.id, json_extract(NEW.data, '$.text'));
    END;
    CREATE TRIGGER incident_search_note_drop AFTER DELETE ON incident_notes BEGIN
      DELETE FROM incident_search WHERE source = 'n' AND key = OLD.id;
    END;
    CREATE TRIGGER incident_search_outbox AFTER INSERT ON outbox WHEN NEW.entity IN ('incident', 'incident_note') BEGIN
      INSERT INTO incident_search (incident_id, source, key, body) VALUES (
        CASE NEW.entity WHEN 'incident' THEN NEW.record_id ELSE json_extract(NEW.data, '$.incidentId') END, 'o', NEW.n,
        CASE NEW.entity WHEN 'incident' THEN concat_ws(' ', json_extract(NEW.data, '$.title'), json_extract(NEW.data, '$.assignedOpd'))
          ELSE json_extract(NEW.data, '$.text') END);
    END;
    CREATE TRIGGER incident_search_outbox_drop AFTER DELETE ON outbox WHEN OLD.entity IN ('incident', 'incident_note') BEGIN
      DELETE FROM incident_search WHERE source = 'o' AND key = OLD.n;
    END;
    INSERT INTO incident_search (incident_id, source, key, body) SELECT id, 'i', id,
      concat_ws(' ', json_extract(data, '$.title'), json_extract(data, '$.assignedOpd')) FROM incidents;
    INSERT INTO incident_search (incident_id, source, key, body) SELECT record_id, 'o', n,
      concat_ws(' ', json_extract(data, '$.title'), json_extract(data, '$.assignedOpd')) FROM outbox WHERE entity = 'incident';
  `);
}
