// The map tiles this console has fetched, in a SQLite file of their own (tiles.db beside console.db), bounded in
// bytes with least-recently-served eviction. A file of its own because it is a disposable cache: it stays out of
// console.db's backups (200 MB of tiles in every copy), a damaged one is simply started afresh instead of
// restored, its schema moves without touching the synced data's, and in Electron the main thread can own it
// (the protocol handler runs there) while console.db stays with the host worker.
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { TileCoord } from '../../common/base-tiles';
import { openSqliteFile, SqliteFileError } from '../base/sqlite-file';
import { TILE_CACHE_MIGRATIONS } from './tile-migrations';

export interface CachedTile {
  contentType: string;
  body: Buffer;
  etag: string | null;
  /** Epoch ms of the last answer from upstream (a 200 or a 304 revalidation). */
  fetchedAt: number;
}

export interface TileCacheOptions {
  /** Bound on the tiles' bytes (bodies); the file is larger by SQLite's page overhead, a few per cent. */
  maxBytes: number;
  now?: () => number;
  log?: (line: string) => void;
}

/** Rows removed per eviction step. */
const EVICT_BATCH = 64;

export class TileCache {
  private total: number;
  private readonly select: Statement;
  private readonly touch: Statement;
  private readonly upsert: Statement;
  private readonly revalidated: Statement;
  private readonly oldest: Statement;
  private readonly remove: Statement;
  private readonly now: () => number;

  private constructor(
    private readonly db: Database,
    readonly path: string,
    private readonly maxBytes: number,
    now: (() => number) | undefined,
  ) {
    this.now = now ?? (() => Date.now());
    this.select = db.prepare(
      'SELECT rowid AS id, content_type AS contentType, body, etag, fetched_at AS fetchedAt FROM tiles WHERE source = ? AND z = ? AND y = ? AND x = ?',
    );
    this.touch = db.prepare('UPDATE tiles SET used_at = ? WHERE rowid = ?');
    this.upsert = db.prepare(`INSERT INTO tiles (source, z, x, y, content_type, body, bytes, etag, fetched_at, used_at)
      VALUES (@source, @z, @x, @y, @contentType, @body, @bytes, @etag, @fetchedAt, @usedAt)
      ON CONFLICT (source, z, x, y) DO UPDATE SET content_type = excluded.content_type, body = excluded.body,
        bytes = excluded.bytes, etag = excluded.etag, fetched_at = excluded.fetched_at, used_at = excluded.used_at`);
    this.revalidated = db.prepare(
      'UPDATE tiles SET fetched_at = ?, used_at = ? WHERE source = ? AND z = ? AND y = ? AND x = ?',
    );
    this.oldest = db.prepare('SELECT rowid AS id, bytes FROM tiles ORDER BY used_at, rowid LIMIT ?');
    this.remove = db.prepare('DELETE FROM tiles WHERE rowid = ?');
    this.total = this.sumBytes();
  }

  /** Opens or creates the cache; a damaged file (or one from a newer Nawa) is thrown away: tiles can be fetched again. */
  static open(path: string, opts: TileCacheOptions): TileCache {
    // In Electron the main thread may get here before the host worker made the data folder.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let db: Database;
    try {
      db = openSqliteFile(path, TILE_CACHE_MIGRATIONS);
    } catch (e) {
      // Garbage, damage or a newer Nawa's schema: nothing in it is worth keeping. A second failure (a folder that
      // cannot be written) is the caller's to report.
      if (!(e instanceof SqliteFileError) || !existsSync(path)) throw e;
      opts.log?.(`tile cache: ${e.message}; starting an empty cache`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      db = openSqliteFile(path, TILE_CACHE_MIGRATIONS);
    }
    // A lost last tile on a power cut costs one fetch; FULL would fsync at every tile.
    db.pragma('synchronous = NORMAL');
    // Space freed by eviction goes back to the file system, so the file follows the bound (only possible while empty).
    if (
      db.pragma('auto_vacuum', { simple: true }) !== 2 &&
      db.prepare('SELECT COUNT(*) FROM tiles').pluck().get() === 0
    ) {
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
    }
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
    const cache = new TileCache(db, path, opts.maxBytes, opts.now);
    cache.evict();
    return cache;
  }

  /** The cached tile, marked as just used; null when not cached. */
  get(source: string, t: TileCoord): CachedTile | null {
    const row = this.select.get(source, t.z, t.y, t.x) as (CachedTile & { id: number }) | undefined;
    if (!row) return null;
    this.touch.run(this.now(), row.id);
    return { contentType: row.contentType, body: row.body, etag: row.etag, fetchedAt: row.fetchedAt };
  }

  put(source: string, t: TileCoord, tile: CachedTile): void {
    const at = this.now();
    this.db.transaction(() => {
      const before = this.select.get(source, t.z, t.y, t.x) as { body: Buffer } | undefined;
      this.upsert.run({
        source,
        ...t,
        contentType: tile.contentType,
        body: tile.body,
        bytes: tile.body.length,
        etag: tile.etag,
        fetchedAt: tile.fetchedAt,
        usedAt: at,
      });
      this.total += tile.body.length - (before?.body.length ?? 0);
    })();
    this.evict();
  }

  /** Upstream said the cached copy is still current (304). */
  markFresh(source: string, t: TileCoord, fetchedAt: number): void {
    this.revalidated.run(fetchedAt, this.now(), source, t.z, t.y, t.x);
  }

  /** Bytes of the cached tiles (what the bound counts). */
  bytes(): number {
    return this.total;
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM tiles').pluck().get() as number;
  }

  close(): void {
    this.db.close();
  }

  /** Least recently served first, until the tiles fit the bound again. */
  private evict(): void {
    if (this.total <= this.maxBytes) return;
    this.db.transaction(() => {
      while (this.total > this.maxBytes) {
        const rows = this.oldest.all(EVICT_BATCH) as { id: number; bytes: number }[];
        if (rows.length === 0) break;
        for (const r of rows) {
          if (this.total <= this.maxBytes) break;
          this.remove.run(r.id);
          this.total -= r.bytes;
        }
      }
    })();
    this.db.pragma('incremental_vacuum');
  }

  private sumBytes(): number {
    return (this.db.prepare('SELECT COALESCE(SUM(bytes), 0) FROM tiles').pluck().get() as number) ?? 0;
  }
}
