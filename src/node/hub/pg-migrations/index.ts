// The hub's PostgreSQL migrations: append only, each a numbered file; its position is the schema version it leaves.
import * as m0001 from './0001-initial';
import * as m0002 from './0002-login-failures';

export interface PgMigration {
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { name: '0001-initial', sql: m0001.sql },
  { name: '0002-login-failures', sql: m0002.sql },
];
