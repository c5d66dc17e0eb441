// The console store's file: the shared SQLite opener (../base/sqlite-file.ts) with the store's migrations.
import type { Database as Db } from 'better-sqlite3';
import { openSqliteFile } from '../base/sqlite-file';
import { MIGRATIONS } from './migrations';

export { SqliteFileError as StoreError, migrate, type Migration } from '../base/sqlite-file';

export function openDatabase(path: string, migrations = MIGRATIONS): Db {
  return openSqliteFile(path, migrations);
}
