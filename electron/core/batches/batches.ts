import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { deferItemUnindexing, deferReportUnindexing } from '../db/search-index';
import { statementCache } from '../db/statement-cache';
import { withTitleKey } from '../names/title-key';

type Row = Record<string, unknown>;

/** Import batch as listed. */
export interface BatchInfo {
  id: number;
  kind: string;
  fileName: string;
  fileHash: string;
  sender: string;
  operator: string;
  createdAt: string;
  counts: Record<string, number>;
  undoneAt: string | null;
}

interface BatchDbRow {
  id: number;
  kind: string;
  file_name: string;
  file_hash: string;
  sender: string;
  operator: string;
  created_at: string;
  counts: string;
  undone_at: string | null;
}

const toInfo = (r: BatchDbRow): BatchInfo => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  fileHash: r.file_hash,
  sender: r.sender,
  operator: r.operator,
  createdAt: r.created_at,
  counts: JSON.parse(r.counts) as Record<string, number>,
  undoneAt: r.undone_at,
});

/** Opens a batch row; call inside the transaction that writes it. */
export function openBatch(db: Database, b: { kind: string; fileName: string; fileHash: string; sender?: string; operator: string; at: string }): number {
  return Number(
    db
      .prepare('INSERT INTO import_batches(kind, file_name, file_hash, sender, operator, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(b.kind, b.fileName, b.fileHash, b.sender ?? '', b.operator, b.at).lastInsertRowid,
  );
}

export function setBatchCounts(db: Database, id: number, counts: Record<string, number>): void {
  db.prepare('UPDATE import_batches SET counts = ? WHERE id = ?').run(JSON.stringify(counts), id);
}

export function listBatches(db: Database): BatchInfo[] {
  return db.prepare<[], BatchDbRow>('SELECT * FROM import_batches ORDER BY id DESC').all().map(toInfo);
}

/** Whether a row still is as the batch left it: every column of its recorded image (full or watched) unchanged. */
const same = (now: Row | undefined, after: Row | null) =>
  after === null ? now === undefined : now !== undefined && Object.keys(after).every((c) => JSON.stringify(now[c]) === JSON.stringify(after[c]));

function restoreRow(stmt: (sql: string) => Statement, tbl: string, key: Row, image: Row | null): void {
  // An item's image made before titles had a pinyin key gets its key now.
  const before = image && tbl === 'items' && !('title_key' in image) ? withTitleKey(image) : image;
  const where = Object.keys(key).map((c) => `${c} = @k_${c}`).join(' AND ');
  const keyParams = Object.fromEntries(Object.entries(key).map(([c, v]) => [`k_${c}`, v]));
  if (!before) {
    stmt(`DELETE FROM ${tbl} WHERE ${where}`).run(keyParams);
    return;
  }
  const exists = stmt(`SELECT 1 FROM ${tbl} WHERE ${where}`).get(keyParams);
  const cols = Object.keys(before);
  if (exists) stmt(`UPDATE ${tbl} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${where}`).run({ ...before, ...keyParams });
  else stmt(`INSERT INTO ${tbl}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(before);
}

/** Keys (row_key text) of the items a batch created: their earliest image in the batch is "absent". */
function createdItems(rows: readonly { tbl: string; row_key: string; before: string | null }[]): Set<string> {
  const earliest = new Map<string, string | null>();
  // Rows come newest first: the last one seen for a key is the batch's first write of it.
  for (const r of rows) if (r.tbl === 'items') earliest.set(r.row_key, r.before);
  return new Set([...earliest].filter(([, before]) => before === null).map(([key]) => key));
}

/**
 * Undoes a batch: every row it wrote goes back to its image before the batch, in reverse order.
 * Refuses (changing nothing) when a row was changed again after the batch.
 */
export function undoBatch(db: Database, id: number, at: string): BatchInfo {
  const batch = db.prepare<[number], BatchDbRow>('SELECT * FROM import_batches WHERE id = ?').get(id);
  if (!batch) throw new AppError('not_found', `导入批次 ${id} 不存在`);
  if (batch.undone_at) throw new AppError('conflict', `导入批次 ${id}（${batch.file_name}）已于 ${batch.undone_at} 撤销`);
  const rows = db.prepare<[number], { tbl: string; row_key: string; before: string | null; after: string | null }>(
    'SELECT tbl, row_key, before, after FROM batch_rows WHERE batch_id = ? ORDER BY id DESC',
  ).all(id);
  db.transaction(() => {
    const stmt = statementCache(db);
    const lastImage = new Map<string, Row | null>();
    for (const r of rows) {
      const k = `${r.tbl}|${r.row_key}`;
      if (!lastImage.has(k)) lastImage.set(k, r.after ? (JSON.parse(r.after) as Row) : null);
    }
    for (const [k, after] of lastImage) {
      const [tbl, keyText] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
      const key = JSON.parse(keyText) as Row;
      const now = stmt(`SELECT * FROM ${tbl} WHERE ${Object.keys(key).map((c) => `${c} = @${c}`).join(' AND ')}`).get(key) as Row | undefined;
      if (!same(now, after)) throw new AppError('conflict', `导入批次 ${id} 之后，相关数据（${tbl}）又被修改过，不能直接撤销；请先撤销之后的批次或手工处理`);
    }
    // Items the batch created end deleted: out of the search index at once, and their other
    // images in the batch (updates after the insert) need no restoring on the way.
    const created = createdItems(rows);
    const createdIds = [...created].map((k) => (JSON.parse(k) as { id: number }).id);
    const unindexing = createdIds.length > 0 ? deferItemUnindexing(db, createdIds) : null;
    // Reports the batch inserted (returns) leave the keyword index at once: only when it deleted no
    // report and no item goes (a cascade deletes reports too), so these are all the reports undo deletes
    const reportRows = rows.filter((r) => r.tbl === 'reports');
    const createdReports = reportRows.filter((r) => r.before === null).map((r) => (JSON.parse(r.row_key) as { id: number }).id);
    const plainInserts = !createdIds.length && createdReports.length > 0 && reportRows.every((r) => r.after !== null);
    const reportUnindexing = plainInserts ? deferReportUnindexing(db, createdReports) : null;
    // All at once where the batch first wrote one of them (the last such row, newest first): every
    // row written after that is restored by then (a report or light that names a created item is
    // gone, an updated one back to its earlier image), and nothing written before can name them.
    const firstWrite = rows.findLastIndex((r) => r.tbl === 'items' && created.has(r.row_key));
    rows.forEach((r, n) => {
      if (r.tbl === 'items' && created.has(r.row_key)) {
        if (n === firstWrite) stmt('DELETE FROM items WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(createdIds));
        return;
      }
      restoreRow(stmt, r.tbl, JSON.parse(r.row_key) as Row, r.before ? (JSON.parse(r.before) as Row) : null);
    });
    unindexing?.finish();
    reportUnindexing?.finish();
    db.prepare('DELETE FROM change_log WHERE batch_id = ?').run(id);
    db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, id);
  })();
  return toInfo(db.prepare<[number], BatchDbRow>('SELECT * FROM import_batches WHERE id = ?').get(id)!);
}
