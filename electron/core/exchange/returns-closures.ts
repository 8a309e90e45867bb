import type { Database } from 'better-sqlite3';
import type { BatchRecorder } from '../batches/batch-recorder';
import type { ChangeEntry } from '../services/history';
import type { ReturnClosure, ReturnFilePreview } from '../../../shared/contract/schemas/exchange';
import { cellString } from './cell-parse';
import { matchedRows } from './returns-match';
import { CLOSURE_LABELS, CLOSURE_TEXT_MAX, docNoIn } from './template-closure';
import { columnLetter, noteRequests, problemMaker, type ReturnedFile, type ReturnedSheet } from './returns-types';
import { listCodeSql } from '../repositories/list-codes';

type Problem = ReturnType<typeof problemMaker>;

/** A closure request to record (what the preview shows of it, and the unit that asked). */
export interface PlannedClosure {
  unitId: number;
  shown: ReturnClosure;
}

interface Env {
  db: Database;
  problem: Problem;
  itemNow: (id: number) => { code: string; title: string } | undefined;
  closureOf: (id: number) => { state: string; note: string } | undefined;
  planned: Set<number>;
}

/** The note a request keeps: what the unit wrote, and which unit wrote it. */
const noteOf = (evidence: string, unitName: string) => `${evidence}（${unitName}报送）`;

function sheetClosures(env: Env, s: ReturnedSheet): PlannedClosure[] {
  const col = s.columns.get('closeEvidence');
  if (col === undefined) return [];
  const where = (row: number) => ({ sheet: s.sheet, row, column: `${columnLetter(col)}（${CLOSURE_LABELS.closeEvidence}）` });
  const out: PlannedClosure[] = [];
  // the rows as the report preview matched them (its problems told once, the matching done once)
  for (const m of matchedRows(env.db, s)) {
    const evidence = cellString(m.read.cells.closeEvidence ?? null).trim();
    if (!evidence) continue;
    const row = m.read.row;
    const it = env.itemNow(m.issued.itemId);
    if (!it) continue;
    const name = `「${it.title}」`;
    const n = [...evidence].length;
    if (n > CLOSURE_TEXT_MAX) { env.problem('error', `${name}的办结佐证说明有 ${n} 字，超过 ${CLOSURE_TEXT_MAX} 字；请精简（可只写文号和材料名称），办结申请未登记`, where(row)); continue; }
    const now = env.closureOf(m.issued.itemId);
    if (now?.state === 'closed') { env.problem('info', `${name}已办结，不再登记办结申请`, where(row)); continue; }
    if (now?.state === 'pending' && now.note === noteOf(evidence, s.template.unitName)) { env.problem('info', `${name}的这条办结申请已登记过，不重复登记`, where(row)); continue; }
    if (env.planned.has(m.issued.itemId)) { env.problem('warning', `${name}在本次导入的文件中已有一条办结申请，这一条未登记`, where(row)); continue; }
    env.planned.add(m.issued.itemId);
    out.push({
      unitId: s.template.unitId,
      shown: { sheet: s.sheet, row, itemId: m.issued.itemId, code: it.code, title: it.title, unitName: s.template.unitName, evidence, docNo: docNoIn(evidence) },
    });
  }
  return out;
}

/**
 * 申请办结 in returned templates: read per file, checked (length; an item already closed, or the
 * same request already recorded, is told and skipped), shown in each file's preview, and answered
 * as requests to record.
 */
export function planClosureRequests(db: Database, files: readonly ReturnedFile[], previews: ReturnFilePreview[]): PlannedClosure[] {
  const itemStmt = db.prepare<[number], { code: string; title: string }>(`SELECT ${listCodeSql('items')} AS code, title FROM items WHERE id = ?`);
  const closureStmt = db.prepare<[number], { state: string; note: string }>('SELECT state, note FROM item_closures WHERE item_id = ?');
  const planned = new Set<number>();
  const all: PlannedClosure[] = [];
  files.forEach((f, i) => {
    const preview = previews[i];
    const env: Env = { db, problem: problemMaker(f.name, preview.problems), itemNow: (id) => itemStmt.get(id), closureOf: (id) => closureStmt.get(id), planned };
    const mine = f.sheets.flatMap((s) => sheetClosures(env, s));
    preview.closures = mine.map((p) => p.shown);
    noteRequests(preview, f, mine.map((p) => p.shown.unitName), f.sheets[0]?.template.periodId ?? null);
    all.push(...mine);
  });
  return all;
}

/** Records the planned requests as pending (待办结确认) in the returns batch; answers their history lines. */
export function writeClosureRequests(db: Database, rec: BatchRecorder, planned: readonly PlannedClosure[], at: string): ChangeEntry[] {
  const exists = db.prepare('SELECT 1 FROM item_closures WHERE item_id = ?').pluck();
  return planned.map(({ shown }) => {
    const values = { state: 'pending', doc_no: shown.docNo, note: noteOf(shown.evidence, shown.unitName), requested_at: at, confirmed_at: null, confirmed_by: '' };
    if (exists.get(shown.itemId)) rec.update('item_closures', { item_id: shown.itemId }, values);
    else rec.insert('item_closures', { item_id: shown.itemId, ...values });
    const evidence = shown.docNo ? `文号 ${shown.docNo}` : '报送说明';
    return { entity: 'item', entityId: shown.itemId, action: 'close-request', field: 'closure', after: `申请办结（${evidence}，${shown.unitName}报送）：${shown.evidence}`, batchId: rec.batchId };
  });
}
