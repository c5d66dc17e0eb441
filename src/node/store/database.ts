// The console store's file: the shared SQLite opener (../sqlite/sqlite-file.ts) with the store's migrations.
import type { Database as Db } from 'better-sqlite3';
import { openSqliteFile } from '../sqlite/sqlite-file';
import { MIGRATIONS } from './migrations';

export { SqliteFileError as StoreError, migrate, type Migration } from '../sqlite/sqlite-file';

export function openDatabase(path: string, migrations = MIGRATIONS): Db {
  return openSqliteFile(path, migrations);
}
