import type { Database } from 'better-sqlite3';

// Map tiles fetched from the configured tile server, keyed by which server (`source`, a hash of its URL) and the
// tile's coordinates. A rowid table: bodies are blobs of tens of kilobytes, kept out of the key's b-tree.
// `used_at` orders eviction (least recently served first); `fetched_at` and `etag` drive revalidation.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE tiles (
      source TEXT NOT NULL, z INTEGER NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL,
      content_type TEXT NOT NULL, body BLOB NOT NULL, bytes INTEGER NOT NULL,
      etag TEXT, fetched_at INTEGER NOT NULL, used_at INTEGER NOT NULL,
      UNIQUE (source, z, x, y));
    CREATE INDEX tiles_used ON tiles (used_at);
  `);
}
