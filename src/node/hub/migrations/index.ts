import type { Migration } from '../../base/sqlite-file';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-accounts-audit';

/** Append only: a migration, once shipped, is never edited; its position is its version (hub files made before the
 * numbered files are at user_version 1, which is 0001). */
export const HUB_MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-accounts-audit', up: m0002.up },
];
