import type { Database, Statement } from 'better-sqlite3';

/** Child tables whose rows belong to one item and go with it (ON DELETE CASCADE), with the columns an import writes. */
const COLUMNS = {
  item_units: ['item_id', 'unit_id', 'role', 'sort'],
  item_targets: ['item_id', 'label', 'comparator', 'value', 'unit', 'raw_text', 'sort'],
} as const;
export type OwnedTable = keyof typeof COLUMNS;

/** Rows per INSERT statement: one statement per row costs about twice as much at 300,000 rows. */
const CHUNK = 64;

/**
 * Plain inserts for the units and targets of an item the same batch inserted. They need no row
 * images in batch_rows: undoing the batch deletes the new item, and ON DELETE CASCADE removes
 * these rows with it, which is exactly the state before the batch (a later edit of the item bumps
 * its updated_at, so undo still refuses to discard it). Rows of items that existed before the
 * batch must go through the batch recorder. Saves a third of a large import's writes.
 *
 * Rows are buffered and written many to a statement; `flush()` writes the rest and must run before
 * the transaction ends or anything reads these tables.
 */
export function createOwnedRows(db: Database) {
  const pending: Record<OwnedTable, unknown[]> = { item_units: [], item_targets: [] };
  const statements = new Map<string, Statement>();
  const statement = (tbl: OwnedTable, rows: number): Statement => {
    const key = `${tbl}|${rows}`;
    let s = statements.get(key);
    if (!s) {
      const cols = COLUMNS[tbl];
      const row = `(${cols.map(() => '?').join(', ')})`;
      statements.set(key, (s = db.prepare(`INSERT INTO ${tbl}(${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`)));
    }
    return s;
  };
  const write = (tbl: OwnedTable, all: boolean) => {
    const width = COLUMNS[tbl].length;
    const params = pending[tbl];
    let i = 0;
    for (; i + CHUNK * width <= params.length; i += CHUNK * width) statement(tbl, CHUNK).run(params.slice(i, i + CHUNK * width));
    if (all) for (; i < params.length; i += width) statement(tbl, 1).run(params.slice(i, i + width));
    pending[tbl] = params.slice(i);
  };
  return {
    add(tbl: OwnedTable, values: Readonly<Record<string, unknown>>): void {
      const params = pending[tbl];
      for (const c of COLUMNS[tbl]) params.push(values[c] ?? null);
      if (params.length >= CHUNK * COLUMNS[tbl].length * 16) write(tbl, false);
    },
    flush(): void {
      write('item_units', true);
      write('item_targets', true);
    },
  };
}
export type OwnedRows = ReturnType<typeof createOwnedRows>;
