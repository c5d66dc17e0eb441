import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-incident-overlay';
import * as m0003 from './0003-one-write-path';
import * as m0004 from './0004-signed-decisions';
import * as m0005 from './0005-incident-timeline';
import * as m0006 from './0006-status-history';
import * as m0007 from './0007-sector-readings';

/** Append only: a migration, once shipped, is never edited; its position is its version. */
export const MIGRATIONS: readonly { name: string; up: (db: Database) => void }[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-incident-overlay', up: m0002.up },
  { name: '0003-one-write-path', up: m0003.up },
  { name: '0004-signed-decisions', up: m0004.up },
  { name: '0005-incident-timeline', up: m0005.up },
  { name: '0006-status-history', up: m0006.up },
  { name: '0007-sector-readings', up: m0007.up },
];
