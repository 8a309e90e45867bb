import type { Database } from 'better-sqlite3';
import type { BatchRecorder } from '../batches/batch-recorder';
import { insertExtension, requestHistory } from '../followup/extensions';
import type { ChangeEntry } from '../services/history';
import type { ReturnExtension, ReturnFilePreview } from '../../../shared/contract/schemas/exchange';
import type { AppCell } from '../excel/app-workbook-reader';
import { judgeRequest, type ExtensionInsert } from '../followup/extensions';
import { chineseDate } from './doc-format';
import { cellString } from './cell-parse';
import { parseDeadline } from '../parse/deadline';
import { matchedRows } from './returns-match';
import { EXTENSION_LABELS } from './template-extension';
import { columnLetter, noteRequests, problemMaker, type ReturnedFile, type ReturnedSheet } from './returns-types';
import { listCodeSql } from '../repositories/list-codes';

type Problem = ReturnType<typeof problemMaker>;

/** A request to record, with what the preview shows of it. */
export interface PlannedExtension {
  insert: ExtensionInsert;
  shown: ReturnExtension;
}

interface ItemNow {
  code: string;
  title: string;
  deadline_date: string | null;
}

/** 申请延期至 as yyyy-mm-dd: an Excel date or text such as 2025年9月30日 / 2025-09-30 / 2025.9.30. */
function readDate(cell: AppCell): string | null {
  const parsed = parseDeadline(cell instanceof Date || typeof cell === 'number' ? cell : cellString(cell).replace(/\.(\d{1,2})\.(\d{1,2})$/, '年$1月$2日'));
  return parsed.date;
}

interface SheetEnv {
  db: Database;
  today: string;
  problem: Problem;
  itemNow: (id: number) => ItemNow | undefined;
  seen: (itemId: number, unitId: number, date: string, reason: string) => boolean;
}

/** The 申请延期 cells of one sheet's rows: requests to record, each problem with sheet, row and column. */
function sheetRequests(env: SheetEnv, s: ReturnedSheet): PlannedExtension[] {
  const dateCol = s.columns.get('extDate');
  if (dateCol === undefined) return [];
  const where = (row: number, key: 'extDate' | 'extReason') => ({ sheet: s.sheet, row, column: `${columnLetter(s.columns.get(key) ?? dateCol)}（${EXTENSION_LABELS[key]}）` });
  const out: PlannedExtension[] = [];
  // the rows as the report preview matched them (its problems are told once, there)
  for (const m of matchedRows(env.db, s)) {
    const rawDate = cellString(m.read.cells.extDate ?? null);
    const reason = cellString(m.read.cells.extReason ?? null);
    if (!rawDate && !reason) continue;
    const row = m.read.row;
    const date = rawDate ? readDate(m.read.cells.extDate ?? null) : null;
    if (!rawDate) { env.problem('error', '填写了延期理由，但没有填写「申请延期至」的日期，延期申请未登记', where(row, 'extDate')); continue; }
    if (!date) { env.problem('error', `「申请延期至」的「${rawDate}」不是日期（应填如 2025-09-30），延期申请未登记`, where(row, 'extDate')); continue; }
    if (!reason) { env.problem('error', '申请延期未写明理由，延期申请未登记', where(row, 'extReason')); continue; }
    const it = env.itemNow(m.issued.itemId);
    if (!it) continue;
    const judged = judgeRequest(it.deadline_date, date, env.today);
    if (judged.error) { env.problem('error', `${judged.error}，延期申请未登记`, where(row, 'extDate')); continue; }
    if (env.seen(m.issued.itemId, s.template.unitId, date, reason)) { env.problem('info', `「${it.title}」的这条延期申请已登记过，不重复登记`, where(row, 'extDate')); continue; }
    if (judged.late) env.problem('warning', `「${it.title}」的完成时限 ${chineseDate(it.deadline_date ?? '')} 已过才申请延期（逾期申请），已登记为待审批并标注，请审慎审批`, where(row, 'extDate'));
    const progressNote = cellString(m.read.cells.progressText ?? null);
    out.push({
      insert: { itemId: m.issued.itemId, unitId: s.template.unitId, requestedDate: date, reason, progressNote, requestedOn: env.today, source: 'file', periodId: s.template.periodId },
      shown: { sheet: s.sheet, row, itemId: m.issued.itemId, code: it.code, title: it.title, unitName: s.template.unitName, requestedDate: date, reason, deadline: it.deadline_date ?? '', late: judged.late },
    });
  }
  return out;
}

/**
 * 申请延期 in returned templates: read per file, checked (a date after the current deadline, a
 * reason; a request after the deadline flagged as late), shown in each file's preview, and answered
 * as requests to record. A request already recorded (same item, unit, date, reason) is not repeated.
 */
export function planExtensionRequests(db: Database, files: readonly ReturnedFile[], previews: ReturnFilePreview[], today: string): PlannedExtension[] {
  const itemStmt = db.prepare<[number], ItemNow>(`SELECT ${listCodeSql('items')} AS code, title, deadline_date FROM items WHERE id = ?`);
  const dup = db.prepare('SELECT 1 FROM item_extensions WHERE item_id = ? AND unit_id = ? AND requested_date = ? AND reason = ?').pluck();
  const planned = new Set<string>();
  const all: PlannedExtension[] = [];
  files.forEach((f, i) => {
    const preview = previews[i];
    const problem = problemMaker(f.name, preview.problems);
    const seen = (itemId: number, unitId: number, date: string, reason: string) => {
      const key = JSON.stringify([itemId, unitId, date, reason]);
      if (planned.has(key) || dup.get(itemId, unitId, date, reason)) return true;
      return planned.add(key), false;
    };
    const env: SheetEnv = { db, today, problem, itemNow: (id) => itemStmt.get(id), seen };
    const mine = f.sheets.flatMap((s) => sheetRequests(env, s));
    preview.extensions = mine.map((p) => p.shown);
    noteRequests(preview, f, mine.map((p) => p.shown.unitName), mine[0]?.insert.periodId ?? null);
    all.push(...mine);
  });
  return all;
}

/** Records the planned requests as pending, in the returns batch; answers their history lines. */
export function writeExtensionRequests(db: Database, rec: BatchRecorder, planned: readonly PlannedExtension[], at: string): ChangeEntry[] {
  return planned.map((p) => requestHistory(insertExtension(db, p.insert, at, rec), p.insert, p.shown.late, rec.batchId));
}
