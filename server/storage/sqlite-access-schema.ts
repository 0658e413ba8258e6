// Tables of the SQLite access store (rows map to types in access-rows.ts).

export const ACCESS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS access_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT OR IGNORE INTO access_meta (key, value) VALUES ('version', '0');
  CREATE TABLE IF NOT EXISTS access_user (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS access_grant (
    user_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    PRIMARY KEY (user_id, board_id)
  );
  CREATE TABLE IF NOT EXISTS access_share_link (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    board_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role = 'viewer'),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS access_session (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS access_session_by_user ON access_session (user_id);
`
