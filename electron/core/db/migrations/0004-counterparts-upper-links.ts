import type { Database } from 'better-sqlite3';

/**
 * 对口单位 (upper unit name → this office's unit), an item's upper links (one item may localise
 * a province item and a prefecture item), and the scope of an item's targets (its own, or kept as
 * the upper's when broken down). Existing upper_item_id links become upper links.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE counterpart_units (
      upper_name TEXT PRIMARY KEY CHECK (length(trim(upper_name)) > 0),
      unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
      how TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE item_upper_links (
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      upper_item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      upper_office TEXT NOT NULL DEFAULT '',
      how TEXT NOT NULL DEFAULT 'break-down' CHECK (how IN ('break-down','uid','confirmed','migrated')),
      created_at TEXT NOT NULL,
      PRIMARY KEY (item_id, upper_item_id),
      CHECK (item_id <> upper_item_id)
    ) STRICT;
    CREATE INDEX item_upper_links_upper ON item_upper_links(upper_item_id);

    ALTER TABLE item_targets ADD COLUMN scope TEXT NOT NULL DEFAULT 'own' CHECK (scope IN ('own','upper'));

    INSERT INTO item_upper_links(item_id, upper_item_id, upper_office, how, created_at)
      SELECT i.id, i.upper_item_id, coalesce((SELECT un.name FROM plans p JOIN units un ON un.id = p.office_unit_id WHERE p.id = u.plan_id), ''), 'migrated', i.updated_at
      FROM items i JOIN items u ON u.id = i.upper_item_id;
  `);
}
