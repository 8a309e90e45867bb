import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { BreakDownPreview, CounterpartSaveSchema } from '../../../shared/contract/schemas/counterparts';
import type { Office } from '../../../shared/contract/schemas/office';
import { createBatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { readWorkbookCells } from '../excel/workbook';
import { cellText } from '../excel/styled/safe-text';
import { keptCounterparts, listCounterparts } from './counterpart-store';

type SaveRows = z.output<typeof CounterpartSaveSchema>['rows'];
type Opts = { operator: string; at: string };
const HEADER = ['上级单位', '本级对口单位', '说明'];

/**
 * Keeps the user's confirmed 对口单位 rows (a missing local unit is added to the directory),
 * in one transaction and one undoable batch.
 */
export function saveCounterparts(db: Database, rows: SaveRows, opts: Opts, source = '确认对口单位'): { batchId: number | null; saved: number; createdUnits: number; message: string } {
  return db.transaction(() => {
    const batchId = openBatch(db, { kind: 'bulk', fileName: `${source} ${rows.length} 行`, fileHash: '', operator: opts.operator, at: opts.at });
    const rec = createBatchRecorder(db, batchId);
    const kept = keptCounterparts(db);
    const unitId = db.prepare<[string], { id: number }>('SELECT id FROM units WHERE name = ?');
    let saved = 0;
    let createdUnits = 0;
    for (const r of rows) {
      let id: number | null = null;
      if (r.localName) {
        id = unitId.get(r.localName)?.id ?? null;
        if (id === null) (id = rec.insert('units', { name: r.localName, created_at: opts.at, updated_at: opts.at })), createdUnits++;
      }
      const values = { unit_id: id, confirmed: 1, how: 'user', updated_at: opts.at };
      if (kept.has(r.upperName)) {
        const k = kept.get(r.upperName)!;
        if (k.unit_id === id && k.confirmed === 1) continue;
        rec.update('counterpart_units', { upper_name: r.upperName }, values);
      } else rec.insert('counterpart_units', { upper_name: r.upperName, ...values });
      saved++;
    }
    if (!saved && !createdUnits) {
      db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
      return { batchId: null, saved: 0, createdUnits: 0, message: '对口单位没有变化' };
    }
    setBatchCounts(db, batchId, { changed: saved, units: createdUnits });
    const units = createdUnits ? `，新增单位 ${createdUnits} 个` : '';
    return { batchId, saved, createdUnits, message: `已保存对口单位 ${saved} 行${units}，可撤销` };
  })();
}

/** The table as a workbook: 上级单位 | 本级对口单位 | 说明 (suggestions included, marked as such). */
export async function exportCounterparts(db: Database, office: Office): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对口单位');
  ws.columns = [{ width: 36 }, { width: 36 }, { width: 30 }];
  const head = ws.addRow(HEADER);
  head.font = { bold: true, name: '宋体', size: 11 };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of listCounterparts(db, office)) {
    const note = r.how === 'kept' ? (r.localName ? '已确认' : '已确认：本地无对口单位') : r.localName ? '建议（未确认）' : `无建议：${r.reason}`;
    ws.addRow([cellText(r.upperName), cellText(r.localName ?? ''), note]).font = { name: '宋体', size: 11 };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reads a 对口单位 workbook; every bad row is named by row and column; nothing is kept unless all are good. */
export function readCounterpartFile(bytes: Uint8Array, fileName: string): SaveRows {
  const sheet = readWorkbookCells(bytes, fileName).sheets.find((s) => !s.hidden);
  const rows = sheet?.rows ?? [];
  const at = rows.findIndex((r) => String(r[0] ?? '').trim() === HEADER[0]);
  if (!sheet || at < 0 || String(rows[at][1] ?? '').trim() !== HEADER[1]) {
    throw new AppError('invalid_input', `“${fileName}”不是对口单位表：第一列应为“上级单位”，第二列应为“本级对口单位”`);
  }
  const out: SaveRows = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  rows.slice(at + 1).forEach((r, n) => {
    const row = at + n + 2;
    const upper = String(r[0] ?? '').trim();
    const local = String(r[1] ?? '').trim();
    if (!upper && !local) return;
    if (!upper) return void problems.push(`工作表“${sheet.name}”第 ${row} 行 A 列（上级单位）为空`);
    if (upper.length > 100) return void problems.push(`工作表“${sheet.name}”第 ${row} 行 A 列（上级单位）超过 100 字`);
    if (local.length > 100) return void problems.push(`工作表“${sheet.name}”第 ${row} 行 B 列（本级对口单位）超过 100 字`);
    if (seen.has(upper)) return void problems.push(`工作表“${sheet.name}”第 ${row} 行 A 列：“${upper}”与第 ${seen.get(upper)} 行重复`);
    seen.set(upper, row);
    out.push({ upperName: upper, localName: local || null });
  });
  if (problems.length) throw new AppError('invalid_input', `“${fileName}”有 ${problems.length} 处问题，未导入任何一行：\n${problems.slice(0, 20).join('\n')}`);
  if (!out.length) throw new AppError('invalid_input', `“${fileName}”的对口单位表没有数据行`);
  return out;
}

/** Which units of the chosen upper items the confirmed map covers, and which it leaves as they are. */
export function previewBreakDown(db: Database, upperItemIds: readonly number[]): BreakDownPreview {
  const rows = db
    .prepare<[string], { name: string; local: string | null; items: number }>(
      `SELECT u.name, lu.name AS local, count(DISTINCT iu.item_id) AS items FROM item_units iu JOIN units u ON u.id = iu.unit_id
       LEFT JOIN counterpart_units c ON c.upper_name = u.name AND c.confirmed = 1 LEFT JOIN units lu ON lu.id = c.unit_id
       WHERE iu.item_id IN (SELECT value FROM json_each(?)) GROUP BY u.id ORDER BY min(iu.item_id), u.id`,
    )
    .all(JSON.stringify(upperItemIds));
  return {
    items: upperItemIds.length,
    mapped: rows.filter((r) => r.local).map((r) => ({ upperName: r.name, localName: r.local!, items: r.items })),
    unmapped: rows.filter((r) => !r.local).map((r) => ({ upperName: r.name, items: r.items })),
  };
}
