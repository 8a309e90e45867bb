import type { Database } from 'better-sqlite3';

/**
 * Closing the loop as 督办 offices do: extension requests (延期申请) with the office's decision,
 * closing with evidence (办结销号, 佐证材料) and reopening, and 催办 notes to units about items.
 * Extension and closure writes mark the item's kept light dirty (migration 0003's scheme).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE item_extensions (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      requested_date TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      progress_note TEXT NOT NULL DEFAULT '',
      requested_on TEXT NOT NULL,
      -- the item's deadline when the request was made (the 原定 of the first approved one)
      prior_deadline_date TEXT,
      prior_deadline_text TEXT NOT NULL DEFAULT '',
      -- asked after the deadline had passed: shown, never silently accepted
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'file')),
      period_id INTEGER REFERENCES periods(id) ON DELETE SET NULL,
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'refused')),
      decision_note TEXT NOT NULL DEFAULT '',
      decided_at TEXT,
      decided_by TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX item_extensions_item ON item_extensions(item_id, id);
    CREATE INDEX item_extensions_state ON item_extensions(state, id);

    CREATE TABLE item_closures (
      item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('pending', 'closed', 'reopened')),
      doc_no TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      requested_at TEXT NOT NULL,
      confirmed_at TEXT,
      confirmed_by TEXT NOT NULL DEFAULT '',
      reopen_reason TEXT NOT NULL DEFAULT '',
      reopened_at TEXT
    ) STRICT;
    CREATE INDEX item_closures_state ON item_closures(state);

    CREATE TABLE item_evidence (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX item_evidence_item ON item_evidence(item_id);

    CREATE TABLE urges (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      unit_name TEXT NOT NULL,
      content TEXT NOT NULL CHECK (length(trim(content)) > 0),
      due_date TEXT,
      issued_on TEXT NOT NULL,
      operator TEXT NOT NULL DEFAULT '',
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX urges_issued ON urges(issued_on);
    CREATE TABLE urge_items (
      urge_id INTEGER NOT NULL REFERENCES urges(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (urge_id, item_id)
    ) STRICT;
    CREATE INDEX urge_items_item ON urge_items(item_id);
  `);
  for (const t of ['item_extensions', 'item_closures']) {
    db.exec(`
      CREATE TRIGGER lights_${t}_ai AFTER INSERT ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (new.item_id); END;
      CREATE TRIGGER lights_${t}_au AFTER UPDATE ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (new.item_id), (old.item_id); END;
      CREATE TRIGGER lights_${t}_ad AFTER DELETE ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (old.item_id); END;
    `);
  }
}
