import type { Database } from 'better-sqlite3';

/**
 * Lights kept in the database instead of judged on every read. Triggers on every table a light
 * reads mark the touched items dirty (or all items, for periods, templates and settings);
 * `refreshLights(db, today)` re-judges just those before a read. Writers need not call anything.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE item_lights (
      -- no foreign key: a deleted item's row stays until refreshLights takes it out of the per-unit counts
      item_id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      plan_id INTEGER,
      status TEXT NOT NULL,
      deadline_date TEXT,
      progress INTEGER NOT NULL,
      has_lead INTEGER NOT NULL DEFAULT 0,
      -- the item's 牵头 unit ids (json) as counted in lead_unit_lights
      lead_units TEXT NOT NULL DEFAULT '[]',
      level TEXT NOT NULL,
      rule TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX item_lights_kind_level ON item_lights(kind, level);
    CREATE INDEX item_lights_kind_plan ON item_lights(kind, plan_id, level);
    CREATE INDEX item_lights_kind_deadline ON item_lights(kind, deadline_date, status);
    CREATE INDEX item_lights_kind_due ON item_lights(kind, deadline_date);
    CREATE INDEX item_lights_kind_lead ON item_lights(kind, has_lead);
    -- no key: a trigger's conflict clause is overridden by its outer statement's (INSERT OR REPLACE …)
    -- 概览's by-unit counts: items of a kind per 牵头 unit and level, kept with item_lights
    CREATE TABLE lead_unit_lights (kind TEXT NOT NULL, unit_id INTEGER NOT NULL, level TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, unit_id, level)) STRICT, WITHOUT ROWID;
    CREATE TABLE lights_dirty (item_id INTEGER NOT NULL) STRICT;
    CREATE TABLE lights_state (id INTEGER PRIMARY KEY CHECK (id = 1), as_of TEXT NOT NULL, all_dirty INTEGER NOT NULL) STRICT;
    INSERT INTO lights_state(id, as_of, all_dirty) VALUES (1, '', 1);

    CREATE TRIGGER lights_items_ai AFTER INSERT ON items BEGIN
      INSERT INTO lights_dirty(item_id) SELECT new.id UNION SELECT new.upper_item_id WHERE new.upper_item_id IS NOT NULL;
    END;
    CREATE TRIGGER lights_items_au AFTER UPDATE ON items BEGIN
      INSERT INTO lights_dirty(item_id) SELECT new.id
        UNION SELECT new.upper_item_id WHERE new.upper_item_id IS NOT NULL
        UNION SELECT old.upper_item_id WHERE old.upper_item_id IS NOT NULL;
    END;
    CREATE TRIGGER lights_items_ad AFTER DELETE ON items BEGIN
      INSERT INTO lights_dirty(item_id) SELECT old.id UNION SELECT old.upper_item_id WHERE old.upper_item_id IS NOT NULL;
    END;
  `);
  for (const t of ['reports', 'item_units', 'item_targets', 'issued_rows']) {
    db.exec(`
      CREATE TRIGGER lights_${t}_ai AFTER INSERT ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (new.item_id); END;
      CREATE TRIGGER lights_${t}_au AFTER UPDATE ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (new.item_id), (old.item_id); END;
      CREATE TRIGGER lights_${t}_ad AFTER DELETE ON ${t} BEGIN INSERT INTO lights_dirty(item_id) VALUES (old.item_id); END;
    `);
  }
  for (const t of ['periods', 'issued_templates', 'settings']) {
    for (const [op, ev] of [['ai', 'INSERT'], ['au', 'UPDATE'], ['ad', 'DELETE']]) {
      db.exec(`CREATE TRIGGER lights_${t}_${op} AFTER ${ev} ON ${t} BEGIN UPDATE lights_state SET all_dirty = 1 WHERE all_dirty = 0; END;`);
    }
  }
}
