import type { Database } from 'better-sqlite3';
import { statementCache } from '../db/statement-cache';
import { withTitleKey } from '../names/title-key';

type Row = Record<string, unknown>;
/** Primary key columns of the tables a batch may write. */
export const TABLE_KEYS: Readonly<Record<string, readonly string[]>> = {
  units: ['id'],
  unit_aliases: ['alias'],
  plans: ['id'],
  plan_members: ['plan_id', 'unit_id'],
  sections: ['id'],
  items: ['id'],
  item_units: ['item_id', 'unit_id', 'role'],
  item_targets: ['id'],
  reports: ['id'],
  light_snapshots: ['period_id', 'item_id'],
  issued_rows: ['template_id', 'item_id'],
  item_upper_links: ['item_id', 'upper_item_id'],
  counterpart_units: ['upper_name'],
  periods: ['id'],
  issued_templates: ['id'],
  bulletins: ['id'],
  documents: ['id'],
  instructions: ['id'],
  item_extensions: ['id'],
  item_closures: ['item_id'],
  urges: ['id'],
  urge_items: ['urge_id', 'item_id'],
};

function keyOf(tbl: string, row: Row): Row {
  const cols = TABLE_KEYS[tbl];
  if (!cols) throw new Error(`table ${tbl} cannot be written by a batch`);
  return Object.fromEntries(cols.map((c) => [c, row[c]]));
}

function whereOf(key: Row): string {
  return Object.keys(key).map((c) => `${c} = @${c}`).join(' AND ');
}

/**
 * Writes rows for one import batch and keeps each row's image before and after,
 * so the batch can be undone exactly. Use inside the batch's transaction.
 */
export function createBatchRecorder(db: Database, batchId: number) {
  const log = db.prepare('INSERT INTO batch_rows(batch_id, tbl, row_key, before, after) VALUES (?, ?, ?, ?, ?)');
  const stmt = statementCache(db);
  const read = (tbl: string, key: Row) => stmt(`SELECT * FROM ${tbl} WHERE ${whereOf(key)}`).get(key) as Row | undefined;
  const note = (tbl: string, key: Row, before: Row | null, after: Row | null) =>
    log.run(batchId, tbl, JSON.stringify(key), before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);

  return {
    batchId,
    /** Inserts a row; returns its rowid. */
    insert(tbl: string, given: Row): number {
      const values = tbl === 'items' ? withTitleKey(given) : given;
      const cols = Object.keys(values);
      // RETURNING * gives the stored row (defaults included) without a second statement.
      const row = stmt(`INSERT INTO ${tbl}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) RETURNING rowid AS _rowid_, *`).get(values) as Row;
      const id = Number(row._rowid_);
      delete row._rowid_;
      note(tbl, keyOf(tbl, row), null, row);
      return id;
    },
    /**
     * Inserts a row whose undo is a plain delete, recording only its key and the `watched` columns
     * (e.g. updated_at, which every later edit changes): undo compares just those to see whether the
     * row was edited after the batch. A large import's items need no full row image this way.
     */
    insertWatched(tbl: 'items', given: Row, watched: readonly string[]): number {
      const values = withTitleKey(given);
      const cols = Object.keys(values);
      const id = Number(stmt(`INSERT INTO ${tbl}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values).lastInsertRowid);
      note(tbl, { id }, null, Object.fromEntries(watched.map((c) => [c, values[c]])));
      return id;
    },
    /** Updates the row with `key`; records nothing when no value changes. */
    update(tbl: string, key: Row, given: Row): boolean {
      const values = tbl === 'items' ? withTitleKey(given) : given;
      const before = read(tbl, key);
      if (!before) throw new Error(`${tbl} ${JSON.stringify(key)} is gone`);
      const cols = Object.keys(values).filter((c) => before[c] !== values[c]);
      if (!cols.length) return false;
      stmt(`UPDATE ${tbl} SET ${cols.map((c) => `${c} = @v_${c}`).join(', ')} WHERE ${whereOf(key)}`).run({
        ...key,
        ...Object.fromEntries(cols.map((c) => [`v_${c}`, values[c]])),
      });
      note(tbl, key, before, read(tbl, key) ?? null);
      return true;
    },
    /** Deletes the row with `key` (and records it for undo). */
    remove(tbl: string, key: Row): void {
      const before = read(tbl, key);
      if (!before) return;
      stmt(`DELETE FROM ${tbl} WHERE ${whereOf(key)}`).run(key);
      note(tbl, key, before, null);
    },
  };
}
export type BatchRecorder = ReturnType<typeof createBatchRecorder>;
