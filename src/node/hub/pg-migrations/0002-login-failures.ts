// Failed logins kept in the database, so the limit per username and address holds across hub processes
// (login-limit.ts counts them; an in-memory count would give each process its own allowance).
export const sql = `
  CREATE TABLE login_failures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL,
    at_ms bigint NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key, at_ms);
  -- Until when a key is locked out, so the first refusal of a lockout is audited once.
  CREATE TABLE login_lockouts (key text PRIMARY KEY, until_ms bigint NOT NULL);
`;
