// Tables of the board log, compacted states and audit trail. Both the main connection and the
// writer thread run this (idempotent), so whichever opens the file first creates them.
export const BOARD_SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_state (
    board_id TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    through_seq INTEGER NOT NULL,
    compacted_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS board_update (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    payload BLOB NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS board_update_by_board ON board_update (board_id, seq);
`

export const AUDIT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    field TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS board_audit_by_card ON board_audit (board_id, card_id, id);
  CREATE INDEX IF NOT EXISTS board_audit_by_board ON board_audit (board_id, id);
`
