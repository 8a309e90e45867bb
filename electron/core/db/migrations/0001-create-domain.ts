import type { Database } from 'better-sqlite3';

/** The whole domain of PRODUCT.md: office, plans, sections, items of four kinds, units, periods, reports, batches, history, documents. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE office (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL DEFAULT '',
      level TEXT NOT NULL DEFAULT '市' CHECK (level IN ('省','市','县','乡')),
      region TEXT NOT NULL DEFAULT '',
      parent_name TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO office (id) VALUES (1);

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('seed','import','returns','report-up','bulk')),
      file_name TEXT NOT NULL DEFAULT '',
      file_hash TEXT NOT NULL DEFAULT '',
      sender TEXT NOT NULL DEFAULT '',
      operator TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      counts TEXT NOT NULL DEFAULT '{}',
      undone_at TEXT
    ) STRICT;

    -- Row images written by a batch, in order: undo replays them backwards.
    CREATE TABLE batch_rows (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
      tbl TEXT NOT NULL,
      row_key TEXT NOT NULL,
      before TEXT,
      after TEXT
    ) STRICT;
    CREATE INDEX batch_rows_batch ON batch_rows(batch_id, id);

    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL DEFAULT '',
      contact TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE unit_aliases (
      alias TEXT PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX unit_aliases_unit ON unit_aliases(unit_id);

    CREATE TABLE plans (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
      title TEXT NOT NULL,
      campaign TEXT NOT NULL DEFAULT '',
      doc_no TEXT NOT NULL DEFAULT '',
      year INTEGER,
      attachment_no TEXT NOT NULL DEFAULT '',
      goals TEXT NOT NULL DEFAULT '',
      convener TEXT NOT NULL DEFAULT '',
      deputy_conveners TEXT NOT NULL DEFAULT '',
      office_unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('upper','local')),
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX plans_title ON plans(title);

    CREATE TABLE plan_members (
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (plan_id, unit_id)
    ) STRICT;
    CREATE INDEX plan_members_unit ON plan_members(unit_id);

    CREATE TABLE sections (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0,
      UNIQUE (plan_id, name)
    ) STRICT;

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      issuer TEXT NOT NULL DEFAULT '',
      doc_no TEXT NOT NULL DEFAULT '',
      secrecy TEXT NOT NULL DEFAULT '非密',
      received_at TEXT NOT NULL DEFAULT '',
      subject TEXT NOT NULL DEFAULT '',
      proposed_units TEXT NOT NULL DEFAULT '',
      submit_opinion TEXT NOT NULL DEFAULT '',
      office_opinion TEXT NOT NULL DEFAULT '',
      remark TEXT NOT NULL DEFAULT '',
      handler TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      receipt_no TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE document_files (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BLOB NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE instructions (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      person TEXT NOT NULL DEFAULT '',
      content TEXT NOT NULL DEFAULT '',
      given_on TEXT NOT NULL DEFAULT '',
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE items (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('task','project','policy','indicator')),
      plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
      section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
      group_name TEXT NOT NULL DEFAULT '',
      code TEXT NOT NULL DEFAULT '',
      seq INTEGER NOT NULL DEFAULT 0,
      title TEXT NOT NULL CHECK (length(trim(title)) > 0),
      content TEXT NOT NULL DEFAULT '',
      leader TEXT NOT NULL DEFAULT '',
      assign_mode TEXT NOT NULL DEFAULT 'lead' CHECK (assign_mode IN ('lead','joint')),
      deadline_text TEXT NOT NULL DEFAULT '',
      deadline_date TEXT,
      status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started','in_progress','done','suspended')),
      progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      progress_note TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('upper','local')),
      upper_item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
      upper_uid TEXT NOT NULL DEFAULT '',
      upper_code TEXT NOT NULL DEFAULT '',
      instruction_id INTEGER REFERENCES instructions(id) ON DELETE SET NULL,
      -- project
      invest_total REAL,
      invest_year_plan REAL,
      invest_done REAL,
      plan_start TEXT,
      plan_end TEXT,
      actual_start TEXT,
      project_stage TEXT CHECK (project_stage IN ('前期','在建','竣工')),
      start_rate REAL,
      pay_rate REAL,
      physical_rate REAL,
      -- policy
      policy_doc_no TEXT NOT NULL DEFAULT '',
      policy_stage TEXT CHECK (policy_stage IN ('起草','征求意见','审议','已出台')),
      plan_issue_date TEXT,
      actual_issue_date TEXT,
      -- indicator
      comparator TEXT CHECK (comparator IN ('>=','<=','=','>','<')),
      target_value REAL,
      target_unit TEXT NOT NULL DEFAULT '',
      baseline_value REAL,
      actual_value REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX items_kind_seq ON items(kind, seq);
    CREATE INDEX items_plan ON items(plan_id, section_id);
    CREATE INDEX items_kind_deadline ON items(kind, deadline_date);
    CREATE INDEX items_kind_status ON items(kind, status);
    CREATE INDEX items_section ON items(section_id);
    CREATE INDEX items_upper ON items(upper_item_id);
    CREATE INDEX items_instruction ON items(instruction_id);

    -- Keyword search: trigram FTS for 3+ characters (1-2 characters go through LIKE).
    CREATE VIRTUAL TABLE items_fts USING fts5(
      title, content, code, content='items', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
      INSERT INTO items_fts(rowid, title, content, code) VALUES (new.id, new.title, new.content, new.code);
    END;
    CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
      INSERT INTO items_fts(items_fts, rowid, title, content, code) VALUES ('delete', old.id, old.title, old.content, old.code);
    END;
    CREATE TRIGGER items_fts_au AFTER UPDATE OF title, content, code ON items BEGIN
      INSERT INTO items_fts(items_fts, rowid, title, content, code) VALUES ('delete', old.id, old.title, old.content, old.code);
      INSERT INTO items_fts(rowid, title, content, code) VALUES (new.id, new.title, new.content, new.code);
    END;

    CREATE TABLE item_units (
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('lead','resp','coop')),
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (item_id, unit_id, role)
    ) STRICT;
    CREATE INDEX item_units_unit ON item_units(unit_id, role, item_id);

    CREATE TABLE item_targets (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      label TEXT NOT NULL DEFAULT '',
      comparator TEXT CHECK (comparator IN ('>=','<=','=','>','<')),
      value REAL NOT NULL,
      unit TEXT NOT NULL DEFAULT '',
      raw_text TEXT NOT NULL DEFAULT '',
      sort INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX item_targets_item ON item_targets(item_id);

    CREATE TABLE change_log (
      id INTEGER PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      action TEXT NOT NULL,
      field TEXT NOT NULL DEFAULT '',
      before TEXT,
      after TEXT,
      operator TEXT NOT NULL DEFAULT '',
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX change_log_entity ON change_log(entity, entity_id, id);

    CREATE TABLE periods (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('双周','月','季')),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      due_date TEXT NOT NULL,
      closed INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      progress_text TEXT NOT NULL DEFAULT '',
      completion_ratio REAL,
      completed_value REAL,
      problems TEXT NOT NULL DEFAULT '',
      next_steps TEXT NOT NULL DEFAULT '',
      status TEXT CHECK (status IN ('not_started','in_progress','done','suspended')),
      source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed','file')),
      batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
      reported_at TEXT NOT NULL,
      UNIQUE (item_id, period_id, unit_id)
    ) STRICT;
    CREATE INDEX reports_period_unit ON reports(period_id, unit_id);

    -- What each unit was sent for a period: the issued values, so a return can tell a conflict.
    CREATE TABLE issued_templates (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
      token TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL,
      fields TEXT NOT NULL DEFAULT '[]',
      issued_at TEXT NOT NULL,
      UNIQUE (period_id, unit_id)
    ) STRICT;
    CREATE TABLE issued_rows (
      template_id INTEGER NOT NULL REFERENCES issued_templates(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      snapshot TEXT NOT NULL,
      PRIMARY KEY (template_id, item_id)
    ) STRICT;

    CREATE TABLE light_snapshots (
      period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      light TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (period_id, item_id)
    ) STRICT;

    CREATE TABLE bulletins (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL UNIQUE REFERENCES periods(id) ON DELETE CASCADE,
      body TEXT NOT NULL,
      drafted_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE column_mappings (
      layout_key TEXT PRIMARY KEY,
      mapping TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
