import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-incident-overlay';
import * as m0010 from './0010-status-history';

/** Append only: a migration, once shipped, is never edited; its position is its version. */
export const MIGRATIONS: readonly { name: string; up: (db: Database) => void }[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-incident-overlay', up: m0002.up },
  { name: '0010-status-history', up: m0010.up },
];
