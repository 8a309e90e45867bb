import type { Database } from 'better-sqlite3';
import { TABLE_KEYS } from './batch-recorder';

type Row = Record<string, unknown>;

/**
 * Makes rows written by a service that keeps no batch of its own part of an open batch, so one
 * undo takes them back: the demo uses the same services a user does (open a period, issue
 * templates, save a bulletin) and still stays one batch. Use inside the batch's transaction.
 */
export function createBatchAdopter(db: Database, batchId: number) {
  const log = db.prepare('INSERT INTO batch_rows(batch_id, tbl, row_key, before, after) VALUES (?, ?, ?, ?, ?)');
  const keyOf = (tbl: string, row: Row): Row => {
    const cols = TABLE_KEYS[tbl];
    if (!cols) throw new Error(`table ${tbl} cannot be written by a batch`);
    return Object.fromEntries(cols.map((c) => [c, row[c]]));
  };
  const read = (tbl: string, key: Row): Row | undefined =>
    db.prepare(`SELECT * FROM ${tbl} WHERE ${Object.keys(key).map((c) => `${c} = @${c}`).join(' AND ')}`).get(key) as Row | undefined;
  const note = (tbl: string, key: Row, before: Row | null, after: Row | null) =>
    log.run(batchId, tbl, JSON.stringify(key), before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);

  return {
    /** Records the rows `where` selects as inserted by the batch (undo deletes them), in rowid order. */
    inserted(tbl: string, where: string, params: readonly unknown[] = []): number {
      const rows = db.prepare(`SELECT * FROM ${tbl} WHERE ${where} ORDER BY rowid`).all(...params) as Row[];
      for (const r of rows) note(tbl, keyOf(tbl, r), null, r);
      return rows.length;
    },
    /** Runs `change` and records how it changed the row with `key` (undo puts the row back). */
    updated<T>(tbl: string, key: Row, change: () => T): T {
      const before = read(tbl, key) ?? null;
      const out = change();
      const after = read(tbl, key) ?? null;
      if (JSON.stringify(before) !== JSON.stringify(after)) note(tbl, key, before, after);
      return out;
    },
    /** History written since change_log id `since` without a batch becomes this batch's (undo drops it). */
    history(since: number): void {
      db.prepare('UPDATE change_log SET batch_id = ? WHERE id > ? AND batch_id IS NULL').run(batchId, since);
    },
    /** The newest change_log id, to mark where a service's history starts. */
    historyMark(): number {
      return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM change_log').get() as { n: number }).n;
    },
    /**
     * Folds batch `from` (opened by a service such as applying returns) into this one: its row images,
     * the rows and history that name it, then the batch itself is gone. Row images keep their order.
     */
    merge(from: number): void {
      db.prepare('UPDATE batch_rows SET batch_id = ? WHERE batch_id = ?').run(batchId, from);
      for (const side of ['before', 'after']) {
        db.prepare(
          `UPDATE batch_rows SET ${side} = json_set(${side}, '$.batch_id', ?) WHERE batch_id = ? AND json_extract(${side}, '$.batch_id') = ?`,
        ).run(batchId, batchId, from);
      }
      for (const tbl of tablesWithBatchId(db)) db.prepare(`UPDATE ${tbl} SET batch_id = ? WHERE batch_id = ?`).run(batchId, from);
      db.prepare('DELETE FROM import_batches WHERE id = ?').run(from);
    },
  };
}
export type BatchAdopter = ReturnType<typeof createBatchAdopter>;

/** Domain tables that point at a batch (reports, change_log, …), found from the schema. */
function tablesWithBatchId(db: Database): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('batch_rows', 'import_batches') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter((t) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).includes('batch_id'));
}
