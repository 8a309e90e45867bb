import type { Database } from 'better-sqlite3';
import { cellString } from './cell-parse';
import type { Identity } from './template-fields';
import { IDENTITY_LABELS } from './template-sheet';
import { columnLetter, type IssuedItem, type ReadRow, type ReturnedSheet, type problemMaker } from './returns-types';
import { codeTitle } from '../../../shared/contract/item-code';

type Problem = ReturnType<typeof problemMaker>;

/** A returned row tied to the item it was issued for. */
export interface MatchedRow {
  read: ReadRow;
  issued: IssuedItem;
  matchedBy: 'uid' | 'code' | 'title';
}

const squash = (s: string) => s.replace(/\s+/g, '');
const text = (r: ReadRow, key: string) => cellString(r.cells[key] ?? null);

/** Each sheet's issued rows by hidden id (the first, as a scan finds it): one lookup per row, not a scan of 300. */
const byUid = new WeakMap<ReturnedSheet, Map<string, IssuedItem>>();

function issuedByUid(s: ReturnedSheet, uid: string): IssuedItem | undefined {
  let map = byUid.get(s);
  if (!map) {
    map = new Map();
    for (const i of s.issued) if (!map.has(i.uid)) map.set(i.uid, i);
    byUid.set(s, map);
  }
  return map.get(uid);
}

function uniqueBy(issued: readonly IssuedItem[], pick: (i: IssuedItem) => string, value: string): IssuedItem | null {
  if (!value) return null;
  const hits = issued.filter((i) => squash(pick(i)) === squash(value));
  return hits.length === 1 ? hits[0] : null;
}

/**
 * The row's hidden id, unless it names another row of the template than the row's own 编号 and 名称
 * do (the unit unhid the id column and typed over it): then the row goes by 编号 and 名称.
 */
function matchUid(db: Database, s: ReturnedSheet, r: ReadRow, problem: Problem): MatchedRow | null | undefined {
  const uid = text(r, 'uid');
  const at = { sheet: s.sheet, row: r.row, column: '条目标识' };
  const hit = issuedByUid(s, uid);
  const byIdentity = () => uniqueBy(s.issued, (i) => i.snapshot.identity.code, text(r, 'code')) ?? byTitle(s, r);
  if (hit) {
    const own = (key: 'code' | 'title') => {
      if (!s.columns.has(key)) return true;
      const [now, was] = [text(r, key), hit.snapshot.identity[key] ?? ''];
      return now === was || squash(now) === squash(was);
    };
    const other = own('code') || own('title') ? null : byIdentity();
    if (!other || other === hit) return { read: r, issued: hit, matchedBy: 'uid' };
    problem('warning', `隐藏的「条目标识」指向「${hit.snapshot.identity.title}」，与本行的编号和名称「${other.snapshot.identity.title}」不符（标识被改动过），已按编号和名称导入`, at);
    return undefined;
  }
  const other = db.prepare('SELECT title FROM items WHERE uid = ?').pluck().get(uid) as string | undefined;
  if (other) return problem('error', `该行（${other}）不在「${s.template.unitName}」本期的模板中（可能从其他文件复制而来），未导入`, at), null;
  if (byIdentity()) problem('warning', `隐藏的「条目标识」被改动过（现为「${uid.slice(0, 40)}」），已按编号和名称导入`, at);
  return undefined;
}

function byTitle(s: ReturnedSheet, r: ReadRow): IssuedItem | null {
  const title = squash(text(r, 'title'));
  const lead = squash(text(r, 'lead'));
  const hits = title ? s.issued.filter((i) => squash(i.snapshot.identity.title) === title && (!s.columns.has('lead') || squash(i.snapshot.identity.lead) === lead)) : [];
  return hits.length === 1 ? hits[0] : null;
}

function matchOne(db: Database, s: ReturnedSheet, r: ReadRow, problem: Problem): MatchedRow | null {
  const at = { sheet: s.sheet, row: r.row };
  if (text(r, 'uid')) {
    const byUid = matchUid(db, s, r, problem);
    if (byUid !== undefined) return byUid;
  }
  const byCode = uniqueBy(s.issued, (i) => i.snapshot.identity.code, text(r, 'code'));
  if (byCode) return { read: r, issued: byCode, matchedBy: 'code' };
  const titled = byTitle(s, r);
  if (titled) return { read: r, issued: titled, matchedBy: 'title' };
  problem('error', `第 ${r.row} 行是模板中没有的新增行（${text(r, 'title') || text(r, 'code') || '无名称'}），未导入；如需新增任务请另行报送`, at);
  return null;
}

const cut = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v);

const LOCKED: readonly (keyof Identity)[] = ['code', 'plan', 'title', 'content', 'lead', 'role', 'deadline', 'target'];

function lockedEdits(s: ReturnedSheet, m: MatchedRow, problem: Problem): void {
  for (const key of LOCKED) {
    const col = s.columns.get(key);
    if (col === undefined) continue;
    const now = text(m.read, key);
    const was = m.issued.snapshot.identity[key] ?? '';
    if (now === was || squash(now) === squash(was)) continue;
    problem('warning', `锁定的「${IDENTITY_LABELS[key]}」被改动（原为「${cut(was)}」，现为「${cut(now)}」），已忽略，按下发内容处理`, {
      sheet: s.sheet,
      row: m.read.row,
      column: `${columnLetter(col)}（${IDENTITY_LABELS[key]}）`,
    });
  }
}

/** Each sheet's rows as matched, kept with the sheet read: 申请延期 reads the same rows again. */
const matchedOf = new WeakMap<ReturnedSheet, { matched: MatchedRow[]; missing: IssuedItem[] }>();

/** The sheet's rows as matchRows tied them (matched again, quietly, if it has not run on this sheet). */
export function matchedRows(db: Database, s: ReturnedSheet): MatchedRow[] {
  return (matchedOf.get(s) ?? matchRows(db, s, () => undefined)).matched;
}

/**
 * Ties each returned row to its issued item — by the hidden id, then 编号, then name + 牵头单位 —
 * and reports added, duplicated and deleted rows and edited locked cells.
 */
export function matchRows(db: Database, s: ReturnedSheet, problem: Problem): { matched: MatchedRow[]; missing: IssuedItem[] } {
  const matched: MatchedRow[] = [];
  const seen = new Map<number, number>();
  for (const r of s.rows) {
    const m = matchOne(db, s, r, problem);
    if (!m) continue;
    const first = seen.get(m.issued.itemId);
    if (first !== undefined) {
      problem('warning', `与第 ${first} 行是同一项（${m.issued.snapshot.identity.title}），重复行已忽略`, { sheet: s.sheet, row: r.row });
      continue;
    }
    seen.set(m.issued.itemId, r.row);
    lockedEdits(s, m, problem);
    matched.push(m);
  }
  const missing = s.issued.filter((i) => !seen.has(i.itemId));
  for (const i of missing) {
    problem('warning', `下发的「${codeTitle(i.snapshot.identity.code, i.snapshot.identity.title)}」在回收文件中不见了（行被删除），视为未填报`, { sheet: s.sheet });
  }
  matchedOf.set(s, { matched, missing });
  return { matched, missing };
}
