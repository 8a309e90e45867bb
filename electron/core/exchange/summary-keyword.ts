import type { Database } from 'better-sqlite3';
import { charQuery } from '../db/char-search';
import { allTokens, indexedChar, summaryTokens } from '../db/summary-chars';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { periodFrame, type PeriodFrame } from './summary-frame';
import { remembered } from './summary-memo';

/**
 * The 汇总表's keyword filter from indexes. The scan (summary-scan.ts) looks for the lower-cased keyword
 * in one text per item: 编号 (as the list shows it), title, content, lead units, reporting units, 进展情况
 * (the reports', else the item's own), 存在问题 and 下步计划, joined by 、 ： and line breaks. A keyword
 * with none of those three characters lies inside one of the parts, so it is found part by part:
 * - title, content, code: items_fts (three characters or more) or items_chars (one or two);
 * - unit names: the few units whose name holds it, then their lead items and this period's reports;
 * - reported texts: report_chars, the item's own 进展情况 of an unreported item: note_chars (summary-chars.ts).
 * 编号 differs from the stored code only in digits and '-' (1 → 1-1), so a keyword of digits and '-' only,
 * a keyword with 、 ： or a line break, and one or two characters that are not indexed (punctuation,
 * é) are left to the scan: `keywordMatches` returns undefined for them.
 */
const SEPARATORS = /[\n、：]/;

/** Whether the indexes answer `k` (trimmed, lower-cased) exactly as the scan does. */
export function indexedKeyword(k: string): boolean {
  const chars = [...k];
  if (!chars.length || SEPARATORS.test(k) || /^[0-9-]+$/.test(k)) return false;
  return chars.length >= 3 ? chars.some(indexedChar) : chars.every(indexedChar);
}

/** Marks the positions of the items whose title, content or code holds `k`. */
function itemText(db: Database, f: PeriodFrame, k: string, hit: Uint8Array): void {
  const ids =
    [...k].length >= 3
      ? db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ?').pluck().all(`"${k.replace(/"/g, '""')}"`)
      : db.prepare('SELECT rowid FROM items_chars WHERE items_chars MATCH ?').pluck().all(ITEM_KINDS.map((kind) => charQuery(kind, k)).join(' OR '));
  for (const id of ids as number[]) {
    const p = f.positionOf(id);
    if (p >= 0) hit[p] = 1;
  }
}

/** Marks the items of the units whose name holds `k`: those they lead, and those they reported this period. */
function unitNames(f: PeriodFrame, k: string, hit: Uint8Array): void {
  for (const u of f.unitNames) {
    if (!u.name.includes(k)) continue;
    for (const p of f.leads.get(u.id) ?? []) hit[p] = 1;
    for (const p of f.reporters.get(u.id) ?? []) hit[p] = 1;
  }
}

/**
 * Whether `k` holds no cased letter (and no U+0307, which lower-casing İ yields): then the lower-cased
 * text holds it exactly where the text itself does, and SQLite's instr checks candidates without them
 * being read into JavaScript.
 */
const caseless = (k: string) => k === k.toUpperCase() && !k.includes('\u0307');

/** A check of candidate ids against their texts: columns `cols` of `table`. */
interface Texts {
  table: string;
  cols: readonly string[];
}

/** Ids from `sql` (the FTS query of all `tokens`) that are `wanted` and whose texts hold `k`: all of them when the tokens are exact. */
function confirmed(db: Database, q: { sql: string; texts: Texts; tokens: { tokens: string[]; exact: boolean } }, k: string, wanted: (id: number) => boolean): number[] {
  const ids = (db.prepare(q.sql).pluck().all(allTokens(q.tokens.tokens)) as number[]).filter(wanted);
  if (q.tokens.exact || !ids.length) return ids;
  const { table, cols } = q.texts;
  const among = `id IN (SELECT value FROM json_each(@ids))`;
  if (caseless(k)) {
    return db.prepare(`SELECT id FROM ${table} WHERE ${among} AND (${cols.map((c) => `instr(${c}, @k) > 0`).join(' OR ')})`).pluck().all({ ids: JSON.stringify(ids), k }) as number[];
  }
  const texts = db.prepare(`SELECT id, ${cols.join(', ')} FROM ${table} WHERE ${among}`).raw().all({ ids: JSON.stringify(ids) }) as [number, ...string[]][];
  return texts.filter(([, ...t]) => t.some((x) => x.toLowerCase().includes(k))).map((r) => r[0]);
}

/** Marks the items whose reports this period, or (unreported) whose own 进展情况, hold `k`. */
function reportedText(db: Database, f: PeriodFrame, k: string, hit: Uint8Array): void {
  const reportTokens = summaryTokens(`p${f.periodId}q`, k)!;
  const reports = confirmed(
    db,
    {
      sql: 'SELECT rowid FROM report_chars WHERE report_chars MATCH ?',
      texts: { table: 'reports', cols: ['progress_text', 'problems', 'next_steps'] },
      tokens: reportTokens,
    },
    k,
    (id) => {
      const p = f.reportPosition(id);
      return p >= 0 && !hit[p];
    },
  );
  for (const id of reports) hit[f.reportPosition(id)] = 1;
  if (!f.anyUnreported) return;
  const notes = confirmed(
    db,
    { sql: 'SELECT rowid FROM note_chars WHERE note_chars MATCH ?', texts: { table: 'items', cols: ['progress_note'] }, tokens: summaryTokens('', k)! },
    k,
    (id) => {
      const p = f.positionOf(id);
      return p >= 0 && !hit[p] && !f.reported[p];
    },
  );
  for (const id of notes) hit[f.positionOf(id)] = 1;
}

/** Positions (in the frame) of the items the keyword finds. */
function matchPositions(db: Database, f: PeriodFrame, k: string): Uint8Array {
  const hit = new Uint8Array(f.ids.length);
  itemText(db, f, k, hit);
  unitNames(f, k, hit);
  reportedText(db, f, k, hit);
  return hit;
}

/** Positions of the items of `unitId` (any role, or reported by it this period). */
function unitPositions(db: Database, f: PeriodFrame, unitId: number): Uint8Array {
  const of = new Uint8Array(f.ids.length);
  for (const id of db.prepare('SELECT item_id FROM item_units WHERE unit_id = ?').pluck().all(unitId) as number[]) {
    const p = f.positionOf(id);
    if (p >= 0) of[p] = 1;
  }
  for (const p of f.reporters.get(unitId) ?? []) of[p] = 1;
  return of;
}

/**
 * The 汇总表 filtered by its keyword (and kind, statuses, unit): how many rows, how many of them reported,
 * and the ids of the page asked for; undefined when the keyword is left to the scan (indexedKeyword).
 */
export function keywordMatches(db: Database, q: SummaryQuery): { matched: number; matchedReported: number; pageIds: number[] } | undefined {
  const k = q.keyword?.trim().toLowerCase() ?? '';
  if (!indexedKeyword(k)) return undefined;
  const f = periodFrame(db, q.periodId);
  // the matches are remembered until the next write: the next page reads them again
  const hit = remembered(db, JSON.stringify({ kept: 'keyword', period: q.periodId, k }), () => matchPositions(db, f, k));
  const kind = q.kind ? ITEM_KINDS.indexOf(q.kind) : -1;
  const statuses = q.statuses?.length ? new Set(q.statuses.map((s) => ITEM_STATUSES.indexOf(s))) : undefined;
  const unit = q.unitId === undefined ? undefined : unitPositions(db, f, q.unitId);
  const { offset = 0, limit } = q;
  const end = limit === undefined ? Infinity : offset + limit;
  const pageIds: number[] = [];
  let matched = 0;
  let matchedReported = 0;
  for (let p = 0; p < hit.length; p++) {
    if (!hit[p] || (kind >= 0 && f.kind[p] !== kind) || (statuses && !statuses.has(f.status[p])) || (unit && !unit[p])) continue;
    if (matched >= offset && matched < end) pageIds.push(f.ids[p]);
    matched += 1;
    matchedReported += f.reported[p];
  }
  return { matched, matchedReported, pageIds };
}
