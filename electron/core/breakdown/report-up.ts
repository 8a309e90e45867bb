import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';
import type { ReportUpResult } from '../../../shared/contract/schemas/breakdown';
import { fillTemplate, readTemplateRows, type RowFill, type TemplateRowRef } from '../excel/fill-template';
import { ownFill, rollupFill, type FillMap } from './rollup';

type MatchedBy = NonNullable<ReportUpResult['rows'][number]['matchedBy']>;

/**
 * The local item a row of the upper office's template stands for: by the upper's id (our
 * upper_uid, set when the upper's list was imported), then our copy of the upper item by 编号 and
 * name, then a local item typed with that upper 编号, then our upper item by name alone.
 */
export function matchUpperRow(db: Database, row: Pick<TemplateRowRef, 'uid' | 'code' | 'title'>): { id: number; by: MatchedBy } | null {
  const ids = (sql: string, ...p: string[]) => db.prepare(sql).pluck().all(...p) as number[];
  if (row.uid) {
    const hit = ids("SELECT id FROM items WHERE upper_uid = ? ORDER BY origin = 'upper' DESC, id LIMIT 1", row.uid);
    if (hit.length) return { id: hit[0], by: 'upper_uid' };
  }
  if (row.code) {
    // The template shows 编号 as the upper's lists do (a bare 1 in section （一） reads 1-1).
    const upper = db
      .prepare<[string], { id: number; code: string; section: string; group_name: string }>(
        "SELECT id, code, coalesce((SELECT name FROM sections WHERE id = items.section_id), '') AS section, group_name FROM items WHERE origin = 'upper' AND title = ?",
      )
      .all(row.title)
      .filter((r) => r.code === row.code || listCode(r.code, r.section, r.group_name) === row.code)
      .map((r) => r.id);
    if (upper.length === 1) return { id: upper[0], by: 'upper_code' };
    const typed = ids("SELECT id FROM items WHERE upper_item_id IS NULL AND upper_code = ? AND title = ?", row.code, row.title);
    if (typed.length === 1) return { id: typed[0], by: 'upper_code' };
  }
  const byTitle = ids("SELECT id FROM items WHERE origin = 'upper' AND title = ?", row.title);
  return byTitle.length === 1 ? { id: byTitle[0], by: 'title' } : null;
}

function subItems(db: Database, id: number): number[] {
  return db.prepare("SELECT id FROM items WHERE upper_item_id = ? AND origin = 'local' ORDER BY kind, seq, id").pluck().all(id) as number[];
}

function hasReports(db: Database, id: number): boolean {
  return !!db.prepare('SELECT 1 FROM reports WHERE item_id = ? LIMIT 1').get(id);
}

function only(fill: FillMap, fields: readonly string[]): FillMap {
  return Object.fromEntries(Object.entries(fill).filter(([k]) => fields.includes(k)));
}

function filledName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem.replace(/_已填报$/, '')}_已填报.xlsx`;
}

/**
 * 上报: fills the upper office's app-made template from local data — a linked item's own progress
 * (status, 完成比例, 完成值, 进展, 问题, 下步计划 as returns left them), or, for an upper item broken
 * down into local items, their rollup — and gives the workbook back with its protection, hidden id
 * column and `_meta` intact. Reads the database only; the same file filled twice comes out the same.
 */
export async function reportUp(db: Database, fileName: string, bytes: Uint8Array): Promise<ReportUpResult> {
  const { meta, rows } = await readTemplateRows(bytes, fileName);
  const fills: RowFill[] = [];
  const out: ReportUpResult['rows'] = [];
  const problems: string[] = [];
  for (const r of rows) {
    const m = matchUpperRow(db, r);
    if (!m) {
      problems.push(`工作表「${r.sheet}」第 ${r.row} 行（编号 ${r.code || '无'}「${r.title}」）在本办找不到对应条目，未填写`);
      out.push({ sheet: r.sheet, row: r.row, code: r.code, title: r.title, matchedBy: null, itemId: null, source: null, filled: [] });
      continue;
    }
    const subs = subItems(db, m.id);
    const source = subs.length ? 'rollup' : hasReports(db, m.id) ? 'report' : 'item';
    const values = only(subs.length ? rollupFill(db, subs) : ownFill(db, m.id), r.fields);
    fills.push({ sheet: r.sheet, row: r.row, values });
    out.push({ sheet: r.sheet, row: r.row, code: r.code, title: r.title, matchedBy: m.by, itemId: m.id, source, filled: Object.keys(values) });
  }
  const filled = await fillTemplate(bytes, fileName, fills);
  return {
    fileName: filledName(fileName),
    bytes: filled,
    period: meta.period,
    unit: meta.unit,
    senderOffice: meta.senderOffice,
    counts: {
      rows: rows.length,
      filled: out.filter((r) => r.itemId !== null).length,
      rolledUp: out.filter((r) => r.source === 'rollup').length,
      unmatched: out.filter((r) => r.itemId === null).length,
    },
    rows: out,
    problems,
  };
}
