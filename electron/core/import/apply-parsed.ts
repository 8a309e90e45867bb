import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { ImportApplyResult } from '../../../shared/contract/schemas/imports';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { registerSlip } from '../documents-in/register-slip';
import { createColumnMappings } from './column-mappings';
import { applyImport } from './import-apply';
import { mergeSets, setsOf } from './import-sets';
import type { DuplicateDecisions, UnitDecisions } from './import-set';
import type { ParsedSource, SheetChoice } from './parse-sources';

/** What an apply needs besides the parsed sources: plain data, so it can cross to the import worker. */
export interface ApplyOptions {
  kind: ItemKind;
  origin: 'upper' | 'local';
  decisions: UnitDecisions;
  /** 疑似重复 choices by row key. */
  duplicates?: DuplicateDecisions;
  /** The user's column choices: remembered per layout when the apply succeeds. */
  mappings: readonly SheetChoice[];
  operator: string;
  at: string;
}

function checkReadable(parsed: readonly ParsedSource[]): void {
  const bad = parsed.filter((p) => p.source === 'file' && p.workbook.fileError);
  if (bad.length === 0) return;
  const msgs = bad.map((p) => (p.source === 'file' ? (p.workbook.problems[0]?.message ?? `文件「${p.file}」无法读取`) : ''));
  throw new AppError('bad_file', `${msgs.map((m) => m.replace(/[。.]$/, '')).join('；')}。请从导入列表中移除后再应用，未写入任何数据`);
}

function checkDecisions(db: Database, decisions: UnitDecisions): void {
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM units WHERE id = ?');
  for (const [name, id] of Object.entries(decisions)) {
    if (id !== null && id !== undefined && !exists.get(id)) throw new AppError('not_found', `单位「${name}」要对应的单位（编号 ${id}）不存在，请重新选择`);
  }
}

function noItemsError(parsed: readonly ParsedSource[]): AppError {
  const errors = parsed.flatMap((p) => (p.source === 'file' ? p.workbook.problems : p.text.problems)).filter((p) => p.severity === 'error');
  const why = errors.length ? `：${errors[0].message}` : '';
  return new AppError('bad_file', `没有可导入的条目${why}`);
}

/**
 * Checks what was read and applies it in one transaction = one batch (none when nothing changes),
 * remembering the user's column mappings in the same transaction. Runs in the import worker on its
 * own connection, or in-process when no worker can start. Calls `writing` before it writes.
 */
export function applyParsed(db: Database, parsed: readonly ParsedSource[], opts: ApplyOptions, writing: () => void = () => {}): ImportApplyResult {
  checkReadable(parsed);
  checkDecisions(db, opts.decisions);
  const sets = parsed.flatMap((p) => setsOf(p, opts.kind, opts.origin)).map((s) => s.set);
  if (sets.every((s) => s.items.length === 0)) throw noItemsError(parsed);
  writing();
  const mappings = createColumnMappings(db);
  return db.transaction(() => {
    const res = applyImport(db, mergeSets(sets), { decisions: opts.decisions, duplicates: opts.duplicates, operator: opts.operator, at: opts.at });
    // A document's 文件处理单 becomes 来文 in the same batch (an import that changes nothing opens none).
    if (res.batchId !== null) for (const p of parsed) if (p.slip) registerSlip(db, res.batchId, p.slip, opts.at);
    for (const m of opts.mappings) if (m.layoutKey && Object.keys(m.columns).length) mappings.remember(m.layoutKey, m.columns, opts.at);
    return res;
  })();
}
