import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from '../db/statement-cache';
import { titleKey, withTitleKey } from '../names/title-key';

type Row = Record<string, unknown>;
const LOG_CHUNK = 50;
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
  const logOne = (tbl: string, key: Row, before: Row | null, after: Row | null) =>
    log.run(batchId, tbl, JSON.stringify(key), before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);
  // The bulk writes log their rows LOG_CHUNK at a time, in order.
  const notes: [string, Row, Row | null, Row | null][] = [];
  let logMany: Statement | null = null;
  const flushNotes = () => {
    let i = 0;
    for (; i + LOG_CHUNK <= notes.length; i += LOG_CHUNK) {
      logMany ??= db.prepare(`INSERT INTO batch_rows(batch_id, tbl, row_key, before, after) VALUES ${Array.from({ length: LOG_CHUNK }, () => '(?, ?, ?, ?, ?)').join(', ')}`);
      logMany.run(notes.slice(i, i + LOG_CHUNK).flatMap(([tbl, key, before, after]) => [batchId, tbl, JSON.stringify(key), before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null]));
    }
    for (; i < notes.length; i++) logOne(...notes[i]);
    notes.length = 0;
  };
  // Rows still queued (insertWatched) are logged first: batch_rows keeps the order of the writes.
  const note = (tbl: string, key: Row, before: Row | null, after: Row | null) => {
    if (notes.length) flushNotes();
    logOne(tbl, key, before, after);
  };
  // insertWatched's statements by column list (building the SQL text each row costs more than the lookup).
  const watchedInserts = new Map<string, Statement>();

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
     * Its batch_rows row is queued and logged many to a statement: `flush()` before reading them.
     */
    insertWatched(tbl: 'items', given: Row, watched: readonly string[]): number {
      const cols = Object.keys(given);
      const sig = cols.join();
      let insert = watchedInserts.get(sig);
      if (!insert) {
        const all = 'title' in given ? [...cols, 'title_key'] : cols;
        watchedInserts.set(sig, (insert = db.prepare(`INSERT INTO ${tbl}(${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`)));
      }
      const params = cols.map((c) => given[c]);
      if ('title' in given) params.push(titleKey(given.title));
      const id = Number(insert.run(params).lastInsertRowid);
      // Logged LOG_CHUNK rows to a statement, like the bulk writes (flush() before reading batch_rows).
      notes.push([tbl, { id }, null, Object.fromEntries(watched.map((c) => [c, given[c]]))]);
      if (notes.length >= LOG_CHUNK * 20) flushNotes();
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
    /**
     * Updates many rows of one table in a few set-based statements (one per set of changed columns:
     * an UPDATE … FROM json_each costs a third of one UPDATE per row), each row given with its current
     * values as the caller has just read them in this transaction (`now`: at least the columns of
     * `values`; no key twice). Records only the changed columns, before and after: undo restores and
     * checks just those. Answers, per row, whether anything changed.
     */
    updateMany(tbl: string, rows: readonly { key: Row; now: Row; values: Row }[]): boolean[] {
      const groups = new Map<string, { key: Row; values: Row }[]>();
      const changed = rows.map(({ key, now, values }) => {
        const cols = Object.keys(values).filter((c) => now[c] !== values[c]);
        if (!cols.length) return false;
        const sig = cols.join(',');
        const group = groups.get(sig);
        if (group) group.push({ key, values });
        else groups.set(sig, [{ key, values }]);
        notes.push([tbl, keyOf(tbl, key), Object.fromEntries(cols.map((c) => [c, now[c]])), Object.fromEntries(cols.map((c) => [c, values[c]]))]);
        return true;
      });
      const keys = TABLE_KEYS[tbl];
      for (const [sig, group] of groups) {
        const cols = sig.split(',');
        const j = (c: string) => `j.value ->> '${c}'`;
        stmt(`UPDATE ${tbl} SET ${cols.map((c) => `${c} = ${j(`v_${c}`)}`).join(', ')} FROM json_each(?) j WHERE ${keys.map((k) => `${tbl}.${k} = ${j(`k_${k}`)}`).join(' AND ')}`).run(
          JSON.stringify(group.map((g) => Object.fromEntries([...keys.map((k) => [`k_${k}`, g.key[k]]), ...cols.map((c) => [`v_${c}`, g.values[c]])]))),
        );
      }
      flushNotes();
      return changed;
    },
    /**
     * Inserts many rows (the same columns each) with one prepared statement, recording each as the
     * values given with its key (not re-read: undo deletes it, after checking those columns).
     */
    insertMany(tbl: string, rows: readonly Row[]): void {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]);
      const insert = stmt(`INSERT INTO ${tbl}(${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      const byRowid = TABLE_KEYS[tbl]?.join() === 'id';
      for (const row of rows) {
        const id = Number(insert.run(cols.map((c) => row[c])).lastInsertRowid);
        const stored = byRowid ? { id, ...row } : row;
        notes.push([tbl, keyOf(tbl, stored), null, stored]);
        if (notes.length >= LOG_CHUNK * 20) flushNotes();
      }
      flushNotes();
    },
    /** Logs the rows still queued: before anything reads this batch's batch_rows, and before the transaction ends. */
    flush(): void {
      flushNotes();
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
