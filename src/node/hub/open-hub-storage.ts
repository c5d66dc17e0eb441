// Which storage a hub runs on, from its --db: a postgres:// (or postgresql://) URL, or else a SQLite file path.
import type { HubStorage } from './hub-storage';
import { SqliteHubStorage } from './sqlite-hub-storage';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openHubStorage(db: string): Promise<HubStorage> {
  if (isPostgresUrl(db)) throw new Error('PostgreSQL storage is not built into this hub yet');
  return SqliteHubStorage.open(db);
}
