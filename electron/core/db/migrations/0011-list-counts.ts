import type { Database } from 'better-sqlite3';

/**
 * The totals of the common lists, kept by triggers, so items:list answers its count from one row
 * instead of counting 100,000 index entries (6 ms) or probing a unit's 8,000 ids against every
 * item (15 ms) on each page: list_counts(kind, facet, n) with the facets
 * - 'all': items of the kind;
 * - 'origin:upper' / 'origin:local';
 * - 'due:YYYY-MM-DD': items not 已完成 with that deadline (逾期 = the facets before today);
 * - 'unit:ID': distinct items with any role of the unit; 'unit:ID:ROLE': items with that role.
 * A facet may stay at n = 0 once its items are gone; readers sum, so a missing row is 0.
 */
const UPSERT = 'ON CONFLICT(kind, facet) DO UPDATE SET n = n + excluded.n';

/** The item facets of one row (`r` = new or old) with `d` added to each. */
const itemFacets = (r: 'new' | 'old', d: number) => `INSERT INTO list_counts(kind, facet, n)
  SELECT ${r}.kind, f, ${d} FROM (SELECT 'all' AS f UNION ALL SELECT 'origin:' || ${r}.origin
    UNION ALL SELECT 'due:' || ${r}.deadline_date WHERE ${r}.deadline_date IS NOT NULL AND ${r}.status <> 'done') WHERE true ${UPSERT};`;

/** An item's unit facets (its item_units rows, as they are now) under kind `k`, with `d` added. */
const unitFacetsOf = (id: string, k: string, d: number) => `INSERT INTO list_counts(kind, facet, n)
  SELECT ${k}, f, ${d} * count(*) FROM (
    SELECT 'unit:' || unit_id || ':' || role AS f FROM item_units WHERE item_id = ${id}
    UNION ALL SELECT DISTINCT 'unit:' || unit_id FROM item_units WHERE item_id = ${id}) WHERE true GROUP BY f ${UPSERT};`;

/** One item_units row's facets (`r` = new or old); the any-role facet only when `anyWhen` holds. */
const rowFacets = (r: 'new' | 'old', d: number, anyWhen: string) => `INSERT INTO list_counts(kind, facet, n)
  SELECT kind, f, ${d} FROM (SELECT 'unit:' || ${r}.unit_id || ':' || ${r}.role AS f UNION ALL SELECT 'unit:' || ${r}.unit_id WHERE ${anyWhen}),
    (SELECT kind FROM items WHERE id = ${r}.item_id) WHERE true ${UPSERT};`;

const pairRows = (r: 'new' | 'old', extra = '') =>
  `EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = ${r}.item_id AND x.unit_id = ${r}.unit_id${extra})`;

/** Fills list_counts from the rows there. */
export const LIST_COUNTS_FILL = `
  INSERT INTO list_counts(kind, facet, n) SELECT kind, 'all', count(*) FROM items GROUP BY kind;
  INSERT INTO list_counts(kind, facet, n) SELECT kind, 'origin:' || origin, count(*) FROM items GROUP BY kind, origin;
  INSERT INTO list_counts(kind, facet, n) SELECT kind, 'due:' || deadline_date, count(*) FROM items
    WHERE deadline_date IS NOT NULL AND status <> 'done' GROUP BY kind, deadline_date;
  INSERT INTO list_counts(kind, facet, n) SELECT i.kind, 'unit:' || iu.unit_id || ':' || iu.role, count(*)
    FROM item_units iu JOIN items i ON i.id = iu.item_id GROUP BY 1, 2;
  INSERT INTO list_counts(kind, facet, n) SELECT i.kind, 'unit:' || iu.unit_id, count(*)
    FROM (SELECT DISTINCT item_id, unit_id FROM item_units) iu JOIN items i ON i.id = iu.item_id GROUP BY 1, 2;
`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE list_counts (kind TEXT NOT NULL, facet TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, facet)) STRICT, WITHOUT ROWID;
    ${LIST_COUNTS_FILL}
    CREATE TRIGGER list_counts_items_ai AFTER INSERT ON items BEGIN ${itemFacets('new', 1)} END;
    CREATE TRIGGER list_counts_items_ad AFTER DELETE ON items BEGIN ${itemFacets('old', -1)} END;
    CREATE TRIGGER list_counts_items_au AFTER UPDATE OF kind, origin, deadline_date, status ON items
      WHEN old.kind IS NOT new.kind OR old.origin IS NOT new.origin OR old.deadline_date IS NOT new.deadline_date OR old.status IS NOT new.status
      BEGIN ${itemFacets('old', -1)} ${itemFacets('new', 1)} END;
    -- an item's unit rows go by cascade after the item row: their own triggers then find no kind, so
    -- the item takes its unit facets away while the rows are still there
    CREATE TRIGGER list_counts_items_bd BEFORE DELETE ON items BEGIN ${unitFacetsOf('old.id', 'old.kind', -1)} END;
    CREATE TRIGGER list_counts_items_kind AFTER UPDATE OF kind ON items WHEN old.kind IS NOT new.kind
      BEGIN ${unitFacetsOf('new.id', 'old.kind', -1)} ${unitFacetsOf('new.id', 'new.kind', 1)} END;
    -- the any-role facet counts an (item, unit) once: its first row adds, its last row takes away
    CREATE TRIGGER list_counts_units_ai AFTER INSERT ON item_units BEGIN ${rowFacets('new', 1, `NOT ${pairRows('new', ' AND x.role <> new.role')}`)} END;
    CREATE TRIGGER list_counts_units_ad AFTER DELETE ON item_units BEGIN ${rowFacets('old', -1, `NOT ${pairRows('old')}`)} END;
    CREATE TRIGGER list_counts_units_au AFTER UPDATE ON item_units
      WHEN old.item_id IS NOT new.item_id OR old.unit_id IS NOT new.unit_id OR old.role IS NOT new.role
      BEGIN
        ${rowFacets('old', -1, `NOT ${pairRows('old')}`)}
        ${rowFacets('new', 1, `NOT (old.item_id = new.item_id AND old.unit_id = new.unit_id) AND NOT ${pairRows('new', ' AND x.role <> new.role')}`)}
      END;
  `);
}
