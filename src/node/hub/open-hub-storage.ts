// Which storage a hub runs on, from its --db: a postgres:// (or postgresql://) URL, or else a SQLite file path.
import type { HubStorage } from './hub-storage';
import { PgHubStorage, type PgOpenOptions } from './pg-hub-storage';
import { SqliteHubStorage } from './sqlite-hub-storage';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** A SQLite file is migrated as it opens; a PostgreSQL database only with `migrate` (hub-cli.ts says why). */
export async function openHubStorage(db: string, opts: PgOpenOptions = {}): Promise<HubStorage> {
  if (isPostgresUrl(db)) return PgHubStorage.open(db, opts);
  return SqliteHubStorage.open(db);
}
