// The PostgreSQL schema, as an ordered list of migrations. Never edit a released migration:
// add the next version. Times are ISO-8601 TEXT, as in SQLite; the ones compared or sorted use
// the C collation, so they order byte by byte as they do there.
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'boards, snapshots, audit, access',
    sql: `
      -- One row per board: last_seq is bumped in the same statement as each insert into
      -- board_update, so appends to one board are serialised on this row (see boards.ts).
      CREATE TABLE board (
        board_id TEXT PRIMARY KEY,
        last_seq BIGINT NOT NULL
      );
      CREATE TABLE board_update (
        board_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        payload BYTEA NOT NULL,
        stored_at TEXT NOT NULL,
        PRIMARY KEY (board_id, seq)
      );
      CREATE TABLE board_state (
        board_id TEXT PRIMARY KEY,
        state BYTEA NOT NULL,
        through_seq BIGINT NOT NULL,
        compacted_at TEXT NOT NULL
      );
      CREATE TABLE board_snapshot (
        id TEXT PRIMARY KEY,
        ord BIGSERIAL NOT NULL,
        board_id TEXT NOT NULL,
        name TEXT NOT NULL,
        taken_at TEXT COLLATE "C" NOT NULL,
        taken_by TEXT NOT NULL,
        automatic BOOLEAN NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX board_snapshot_by_board ON board_snapshot (board_id, taken_at);
      CREATE TABLE board_audit (
        id BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        field TEXT NOT NULL,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX board_audit_by_card ON board_audit (board_id, card_id, id);
      CREATE INDEX board_audit_by_board ON board_audit (board_id, id);
      CREATE TABLE access_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO access_meta (key, value) VALUES ('version', '0');
      CREATE TABLE access_user (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- Names are unique case-insensitively, like SQLite's COLLATE NOCASE.
      CREATE UNIQUE INDEX access_user_name ON access_user (lower(name));
      CREATE TABLE access_grant (
        user_id TEXT NOT NULL,
        board_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
        PRIMARY KEY (user_id, board_id)
      );
      CREATE TABLE access_share_link (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        board_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role = 'viewer'),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT
      );
      CREATE TABLE access_session (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX access_session_by_user ON access_session (user_id);
    `,
  },
]
