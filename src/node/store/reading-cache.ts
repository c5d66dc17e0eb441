// Sector readings in the console cache, kept bounded: every reading the feed brings is stored as it came and
// counted into its hour (count, sum, lowest, highest) in the same transaction; raw readings older than
// `rawDays` before the newest one held are dropped (the hourly buckets keep their shape), and buckets older than
// `hourlyDays` go too. So a console that runs for a year holds about rawDays of raw readings plus hourlyDays of
// hours, whatever the feed's rate.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Reading } from '../../common/entities';

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const ReadingLimits = z
  .strictObject({
    /** Raw readings younger than this, before the newest reading held, are kept as they came. */
    rawDays: z.number().positive().max(3650),
    /** Hourly buckets (the downsampled history) younger than this are kept. */
    hourlyDays: z.number().positive().max(36500),
  })
  .refine((l) => l.hourlyDays >= l.rawDays, {
    message: 'hourlyDays must be at least rawDays (the hours are what is left of older readings)',
    path: ['hourlyDays'],
  });
export type ReadingLimits = z.infer<typeof ReadingLimits>;
export const DEFAULT_READING_LIMITS: ReadingLimits = { rawDays: 7, hourlyDays: 400 };

interface Bucket {
  seriesId: string;
  hour: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

export class ReadingCache {
  private readonly insert: Statement;
  private readonly bucketUp: Statement;
  private readonly pruneRaw: Statement;
  private readonly pruneHours: Statement;
  private readonly newestOf: Statement;
  private buckets = new Map<string, Bucket>();
  /** Series that may hold readings here (the ones to prune). Null until first needed. */
  private known: Set<string> | null = null;
  /** Newest reading time held (epoch ms); null until first needed. */
  private newest: number | null = null;
  private prunedFor = -Infinity;
  private addedSincePrune = 0;
  /** A reading came in that is already past rawDays (a backfill after an outage): prune with this page. */
  private lateSincePrune = false;

  constructor(
    private readonly db: Database,
    private limits: ReadingLimits = DEFAULT_READING_LIMITS,
  ) {
    this.insert = db.prepare('INSERT OR IGNORE INTO readings (series_id, at, value) VALUES (?, ?, ?)');
    this.bucketUp = db.prepare(`INSERT INTO reading_hours (series_id, hour, n, sum, min, max) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (series_id, hour) DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum,
        min = min(min, excluded.min), max = max(max, excluded.max)`);
    // The newest reading of a series always stays: it is the KPI, however old.
    this.pruneRaw = db.prepare(
      'DELETE FROM readings WHERE series_id = ? AND at < ? AND at < (SELECT MAX(at) FROM readings WHERE series_id = ?)',
    );
    this.pruneHours = db.prepare('DELETE FROM reading_hours WHERE series_id = ? AND hour < ?');
    this.newestOf = db.prepare('SELECT MAX(at) FROM readings WHERE series_id = ?').pluck();
  }

  configure(limits: ReadingLimits): void {
    this.limits = ReadingLimits.parse(limits);
    this.prunedFor = -Infinity;
  }

  get configured(): ReadingLimits {
    return this.limits;
  }

  /** Stores one reading of the feed (a reading already held is ignored, and not counted twice). */
  add(r: Reading): void {
    // Held in one spelling (milliseconds, Z), so text order is time order and one instant is one reading, however
    // the feed wrote it ("…:30Z", "…:30.1Z" and "…:30.100Z" are all valid times of the contract).
    const ms = Date.parse(r.at);
    if (this.insert.run(r.seriesId, new Date(ms).toISOString(), r.value).changes === 0) return;
    const hour = hourOf(ms);
    const key = `${hour}|${r.seriesId}`;
    const b = this.buckets.get(key);
    if (b) {
      b.n++;
      b.sum += r.value;
      if (r.value < b.min) b.min = r.value;
      if (r.value > b.max) b.max = r.value;
    } else this.buckets.set(key, { seriesId: r.seriesId, hour, n: 1, sum: r.value, min: r.value, max: r.value });
    this.knownSeries().add(r.seriesId);
    if (this.newest !== null && ms > this.newest) this.newest = ms;
    if (ms < this.prunedFor - this.limits.rawDays * DAY_MS) this.lateSincePrune = true;
    this.addedSincePrune++;
  }

  /**
   * Writes the hours counted since the last call; prunes once the newest reading moved on by an hour (or many
   * readings came in, or one already past rawDays). Runs inside the page's transaction, so the hours and the
   * readings commit together.
   */
  flush(): void {
    if (this.buckets.size === 0) return;
    for (const b of this.buckets.values()) this.bucketUp.run(b.seriesId, b.hour, b.n, b.sum, b.min, b.max);
    this.buckets = new Map();
    const newest = this.newestHeld();
    if (
      newest !== null &&
      (newest >= this.prunedFor + HOUR_MS || this.addedSincePrune >= 50_000 || this.lateSincePrune)
    )
      this.prune();
  }

  /** Drops what is past the limits; returns how many raw readings and hourly buckets went. */
  prune(): { raw: number; hours: number } {
    this.addedSincePrune = 0;
    this.lateSincePrune = false;
    const newest = this.newestHeld();
    if (newest === null) return { raw: 0, hours: 0 };
    this.prunedFor = newest;
    const rawCut = new Date(newest - this.limits.rawDays * DAY_MS).toISOString();
    const hourCut = hourOf(newest - this.limits.hourlyDays * DAY_MS);
    let raw = 0;
    let hours = 0;
    for (const id of this.knownSeries()) {
      raw += this.pruneRaw.run(id, rawCut, id).changes;
      hours += this.pruneHours.run(id, hourCut).changes;
    }
    return { raw, hours };
  }

  counts(): { raw: number; hours: number } {
    return {
      raw: this.db.prepare('SELECT COUNT(*) FROM readings').pluck().get() as number,
      hours: this.db.prepare('SELECT COUNT(*) FROM reading_hours').pluck().get() as number,
    };
  }

  /** The page failed and rolled back: what it counted is forgotten. */
  discard(): void {
    this.buckets = new Map();
    this.newest = null;
    this.lateSincePrune = false;
  }

  /** After a staged resync swapped the tables: what was known here no longer holds. */
  forget(): void {
    this.known = null;
    this.newest = null;
    this.prunedFor = -Infinity;
    this.buckets = new Map();
  }

  private knownSeries(): Set<string> {
    this.known ??= new Set([
      ...(this.db.prepare('SELECT id FROM series').pluck().all() as string[]),
      ...(this.db.prepare('SELECT DISTINCT series_id FROM reading_hours').pluck().all() as string[]),
    ]);
    return this.known;
  }

  private newestHeld(): number | null {
    if (this.newest === null) {
      let max = -Infinity;
      for (const id of this.knownSeries()) {
        const at = this.newestOf.get(id) as string | null;
        if (at) max = Math.max(max, Date.parse(at));
      }
      if (max === -Infinity) return null;
      this.newest = max;
    }
    return this.newest;
  }
}
