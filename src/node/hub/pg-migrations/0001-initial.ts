// The hub's first PostgreSQL schema: the SQLite schema of hub migrations 0001 and 0002 (accounts with their
// sessions and audit, the change log, the current records, applied mutations), plus the feed's head, the one row
// every write transaction locks (pg-hub-storage.ts says why). Times are ISO 8601 text as in SQLite, and record
// data is the JSON text as published, so both backends serve byte-identical feeds.
export const sql = `
  CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE accounts (
    username text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('supervisor', 'operator', 'presenter', 'viewer')),
    password_hash text NOT NULL,
    created_at text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    last_login_at text
  );
  -- Only the sha256 of a token is kept, so a copied database hands out no sessions.
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    username text NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at text NOT NULL,
    expires_at text NOT NULL
  );
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE INDEX sessions_username ON sessions (username);
  CREATE TABLE feed_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq bigint NOT NULL CHECK (last_seq >= 0)
  );
  INSERT INTO feed_head (last_seq) VALUES (0);
  -- seq is assigned by the writer holding the feed_head lock, never by a sequence (sequences commit out of order).
  CREATE TABLE changes (
    seq bigint PRIMARY KEY,
    entity text NOT NULL,
    id text NOT NULL,
    op text NOT NULL CHECK (op IN ('upsert', 'delete')),
    version integer NOT NULL,
    data text NOT NULL
  );
  CREATE INDEX changes_entity ON changes (entity, seq);
  CREATE INDEX changes_record ON changes (entity, id, seq);
  CREATE TABLE records (
    entity text NOT NULL,
    id text NOT NULL,
    version integer NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (entity, id)
  );
  CREATE TABLE mutations (
    id text PRIMARY KEY,
    fingerprint text NOT NULL,
    status text NOT NULL,
    entity text NOT NULL,
    record_id text NOT NULL,
    seq bigint NOT NULL,
    version integer NOT NULL,
    operator text NOT NULL,
    console_id text NOT NULL,
    client_time text NOT NULL,
    received_at text NOT NULL
  );
  CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at text NOT NULL,
    kind text NOT NULL,
    username text NOT NULL,
    actor text,
    address text,
    detail text
  );
  CREATE INDEX audit_username ON audit (username, id);
`;
