import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { TEMPLATE_FIELD_LABELS, TEMPLATE_FIELDS, type ReturnProblem, type TemplateField } from '../../../shared/contract/schemas/exchange';
import { type AppCell, type AppSheet, type AppWorkbook } from '../excel/app-workbook-reader';
import type { SheetLayout } from '../excel/styled/meta-sheet';
import { cellString } from './cell-parse';
import { metaFromIds } from './returns-identify';
import { returnedWorkbooks, type ReturnedWorkbooks } from './returns-parsed';
import { IDENTITY_LABELS } from './template-sheet';
import { EXTENSION_LABELS } from './template-extension';
import { CLOSURE_LABELS } from './template-closure';
import type { RowSnapshot } from './template-fields';
import { columnLetter, problemMaker, type IssuedItem, type ReadRow, type ReturnedFile, type ReturnedSheet, type TemplateRecord } from './returns-types';

type Problem = ReturnType<typeof problemMaker>;

interface TemplateDbRow {
  id: number;
  period_id: number;
  period_name: string;
  closed: number;
  unit_id: number;
  unit_name: string;
  token: string;
  fields: string;
}

const TEMPLATE_SELECT = `SELECT t.id, t.period_id, p.name AS period_name, p.closed, t.unit_id, u.name AS unit_name, t.token, t.fields
  FROM issued_templates t JOIN periods p ON p.id = t.period_id JOIN units u ON u.id = t.unit_id`;

function toRecord(r: TemplateDbRow): TemplateRecord {
  const fields = (JSON.parse(r.fields) as string[]).filter((f): f is TemplateField => (TEMPLATE_FIELDS as readonly string[]).includes(f));
  return { id: r.id, periodId: r.period_id, periodName: r.period_name, periodClosed: r.closed === 1, unitId: r.unit_id, unitName: r.unit_name, token: r.token, fields };
}

function findTemplate(db: Database, token: string, period: string, unit: string): { record: TemplateRecord; byToken: boolean } | null {
  const byToken = token ? db.prepare<[string], TemplateDbRow>(`${TEMPLATE_SELECT} WHERE t.token = ?`).get(token) : undefined;
  if (byToken) return { record: toRecord(byToken), byToken: true };
  const byName = db.prepare<[string, string], TemplateDbRow>(`${TEMPLATE_SELECT} WHERE p.name = ? AND u.name = ?`).get(period, unit);
  return byName ? { record: toRecord(byName), byToken: false } : null;
}

function issuedItems(db: Database, templateId: number): IssuedItem[] {
  return db
    .prepare<[number], { item_id: number; uid: string; snapshot: string }>(
      'SELECT r.item_id, i.uid, r.snapshot FROM issued_rows r JOIN items i ON i.id = r.item_id WHERE r.template_id = ? ORDER BY r.rowid',
    )
    .all(templateId)
    .map((r) => ({ itemId: r.item_id, uid: r.uid, snapshot: JSON.parse(r.snapshot) as RowSnapshot }));
}

const LABELS: Readonly<Record<string, string>> = { ...IDENTITY_LABELS, ...TEMPLATE_FIELD_LABELS, ...EXTENSION_LABELS, ...CLOSURE_LABELS };
const norm = (s: string) => s.replace(/\s+/g, '');

/** Column key → index, by the header labels (so a moved column is still found). */
function locateColumns(sheet: AppSheet, layout: SheetLayout, problem: Problem): Map<string, number> {
  const found = new Map<string, number>();
  const headerRows = sheet.rows.slice(2, Math.max(3, layout.headerRow));
  for (const key of layout.columns) {
    const label = LABELS[key];
    if (!label) continue;
    const expected = layout.columns.indexOf(key);
    const at = headerRows.some((r) => norm(cellString(r[expected] ?? null)) === norm(label))
      ? expected
      : headerRows.map((r) => r.findIndex((c) => norm(cellString(c ?? null)) === norm(label))).find((i) => i >= 0);
    if (at === undefined) continue;
    if (at !== expected) problem('warning', `「${label}」列的位置被移动过，已按列名读取`, { sheet: sheet.name });
    found.set(key, at);
  }
  return found;
}

/** The 注： line under the table (a data row starts with 编号 or the hidden id, never with 注：). */
function firstText(cells: readonly AppCell[]): string {
  for (const c of cells) {
    const text = c === null || c === undefined ? '' : cellString(c);
    if (text !== '') return text;
  }
  return '';
}

function isNoteRow(cells: readonly AppCell[]): boolean {
  return /^(注|说明)[:：]/.test(firstText(cells));
}

function dataRows(sheet: AppSheet, layout: SheetLayout, columns: Map<string, number>): ReadRow[] {
  const out: ReadRow[] = [];
  const keys = [...columns];
  for (let r = Math.max(0, layout.firstDataRow - 1); r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    // the row's first non-blank cell tells both: a 注： line ends the table, none at all is a blank row
    const first = firstText(cells);
    if (/^(注|说明)[:：]/.test(first)) break;
    if (first === '') continue;
    const byKey: Partial<Record<string, AppCell>> = {};
    for (const [k, i] of keys) byKey[k] = cells[i] ?? null;
    out.push({ row: r + 1, cells: byKey });
  }
  return out;
}

/**
 * A merge over fill cells keeps only its top-left cell's text: every other cell under it is lost,
 * so the unit is told which cells, instead of their text being dropped in silence.
 */
function mergedFillCells(sheet: AppSheet, layout: SheetLayout, columns: Map<string, number>, fields: readonly TemplateField[], problem: Problem): void {
  for (const m of sheet.merges) {
    if (m.e.r + 1 < layout.firstDataRow || (m.e.r === m.s.r && m.e.c === m.s.c) || isNoteRow(sheet.rows[m.s.r] ?? [])) continue;
    const hit = fields.filter((f) => {
      const c = columns.get(f);
      return c !== undefined && c >= m.s.c && c <= m.e.c;
    });
    if (hit.length === 0) continue;
    const range = `${columnLetter(m.s.c)}${m.s.r + 1}:${columnLetter(m.e.c)}${m.e.r + 1}`;
    const rows = m.e.r > m.s.r ? `第 ${m.s.r + 1}—${m.e.r + 1} 行` : `第 ${m.s.r + 1} 行`;
    const labels = hit.map((f) => `「${TEMPLATE_FIELD_LABELS[f]}」`).join('');
    problem('warning', `${rows}${labels}的单元格 ${range} 被合并，只读取左上角第 ${m.s.r + 1} 行的内容，被合并盖住的格未导入；请取消合并后逐行填写`, {
      sheet: sheet.name,
      row: m.s.r + 1,
      column: range,
    });
  }
}

interface ReadContext {
  db: Database;
  wb: AppWorkbook;
  periodId?: number;
  problem: Problem;
}

function readSheet(x: ReadContext, layout: SheetLayout): ReturnedSheet | null {
  const meta = x.wb.meta!;
  const unit = layout.meta.unit || meta.unit;
  const hit = findTemplate(x.db, layout.meta.token || meta.token, meta.period, unit);
  const at = { sheet: layout.name };
  if (!hit) return x.problem('error', `本办没有向「${unit || '未知单位'}」下发过「${meta.period}」的填报模板（可能是其他办公室的文件），未导入`, at), null;
  const t = hit.record;
  if (!hit.byToken) x.problem('warning', `「${t.unitName}」的模板已重新下发过，本文件按最新下发的内容比对`, at);
  if (meta.period !== t.periodName) return x.problem('error', `文件标明的期次「${meta.period}」与下发记录「${t.periodName}」不一致，未导入`, at), null;
  if (unit !== t.unitName) return x.problem('error', `文件标明的填报单位「${unit}」与下发记录「${t.unitName}」不一致，未导入`, at), null;
  if (x.periodId !== undefined && x.periodId !== t.periodId) {
    const want = x.db.prepare('SELECT name FROM periods WHERE id = ?').pluck().get(x.periodId) as string | undefined;
    return x.problem('error', `这是「${t.periodName}」的模板，不是当前期次「${want ?? x.periodId}」的，未导入`, at), null;
  }
  if (t.periodClosed) x.problem('warning', `期次「${t.periodName}」已结束，仍按其数据导入`, at);
  const sheet = x.wb.sheets.find((s) => s.name === layout.name);
  if (!sheet) return x.problem('error', `找不到工作表「${layout.name}」（工作表被改名或删除），「${t.unitName}」的填报未导入`, at), null;
  const columns = locateColumns(sheet, layout, x.problem);
  for (const f of t.fields) if (!columns.has(f)) x.problem('error', `找不到「${TEMPLATE_FIELD_LABELS[f]}」列，该项未导入`, at);
  mergedFillCells(sheet, layout, columns, t.fields, x.problem);
  if (!columns.has('uid')) x.problem('warning', '隐藏的「条目标识」列被删除，改按编号和名称匹配', at);
  return { sheet: layout.name, template: t, issued: issuedItems(x.db, t.id), columns, rows: dataRows(sheet, layout, columns) };
}

const KIND_WORDS: Readonly<Record<string, string>> = { list: '清单', missing: '催报名单', summary: '汇总表' };

/** Reads one returned file: recognises each sheet's template through `_meta`, or says why not. */
export async function readReturnedFile(db: Database, file: { name: string; bytes: Uint8Array }, periodId?: number, workbooks: ReturnedWorkbooks = returnedWorkbooks(false)): Promise<ReturnedFile> {
  const problems: ReturnProblem[] = [];
  const problem = problemMaker(file.name, problems);
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  let wb: AppWorkbook;
  try {
    wb = await workbooks.read(file.bytes, file.name, hash);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problem('error', e.message);
    return { name: file.name, hash, sheets: [], multiSheet: false, problems };
  }
  if (!wb.meta) {
    const byIds = metaFromIds(db, wb);
    if (byIds) {
      problem('warning', `隐藏的 _meta 工作表已丢失（可能被另存或删除），已按隐藏的「条目标识」列认出是「${byIds.unit}」「${byIds.period}」的模板`);
      wb = { ...wb, meta: byIds };
    }
  }
  if (!wb.meta) problem('error', '不是清单通下发的填报模板（缺少隐藏的 _meta 工作表，也没有能对上下发记录的「条目标识」列）；其他格式的清单请用「导入」功能');
  else if (wb.meta.kind !== 'template') problem('error', `这是清单通导出的「${KIND_WORDS[wb.meta.kind] ?? wb.meta.kind}」文件，不是填报模板；清单文件请用「导入」功能`);
  if (!wb.meta || wb.meta.kind !== 'template') return { name: file.name, hash, sheets: [], multiSheet: false, problems };
  const x: ReadContext = { db, wb, periodId, problem };
  const sheets = wb.meta.sheets.map((l) => readSheet(x, l)).filter((s): s is ReturnedSheet => s !== null);
  return { name: file.name, hash, sheets, multiSheet: wb.meta.sheets.length > 1, problems };
}
