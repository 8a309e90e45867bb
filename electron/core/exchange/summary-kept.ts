import type { Database } from 'better-sqlite3';
import { ITEM_KINDS, type ItemKind, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { keywordMatches } from './summary-keyword';
import { remembered } from './summary-memo';

/** The totals and one page of ids of the 汇总表, read from the rows and counts kept per period (0012). */
export interface KeptSummary {
  total: number;
  reported: number;
  matched: number;
  matchedReported: number;
  units: { id: number; name: string }[];
  pageIds: number[];
}

/** Where the last page of a filtering ended: the next page goes on from there instead of skipping from the top. */
interface Cursor {
  kind: ItemKind;
  seq: number;
  id: number;
}

interface Counted {
  kind: ItemKind;
  status: ItemStatus;
  reported: number;
  n: number;
}

/**
 * The period's rows are the kept ones (period_items) when it concerns any item; else every item, none reported.
 * Both give ids in plan order per kind, optionally of one status and after a cursor.
 */
function source(db: Database, periodId: number) {
  const scoped = Boolean(db.prepare('SELECT 1 FROM period_items WHERE period_id = ? LIMIT 1').get(periodId));
  const counts = scoped
    ? db.prepare<[number], Counted>('SELECT kind, status, reported, n FROM period_item_counts WHERE period_id = ? AND n <> 0').all(periodId)
    : db.prepare<[], Counted>('SELECT kind, status, 0 AS reported, n FROM item_status_counts WHERE n <> 0').all();
  const [table, id, where] = scoped ? ['period_items', 'item_id', 'period_id = @period AND '] : ['items', 'id', ''];
  const walk = (status: boolean, after: boolean) =>
    db.prepare<Record<string, unknown>, { id: number; seq: number }>(
      `SELECT ${id} AS id, seq FROM ${table} WHERE ${where}kind = @kind ${status ? 'AND status = @status' : ''}
       ${after ? `AND (seq, ${id}) > (@seq, @id)` : ''} ORDER BY seq, ${id} LIMIT @limit OFFSET @skip`,
    );
  return { scoped, counts, walk };
}

/** Up to `limit` ids of one kind in plan order from `skip` (after `after`), of the statuses asked for (any when absent). */
function kindPage(src: ReturnType<typeof source>, p: { period: number; kind: ItemKind; statuses?: readonly ItemStatus[]; skip: number; limit: number; after?: Cursor }) {
  const base = { period: p.period, kind: p.kind, limit: p.limit + p.skip, skip: 0, seq: p.after?.seq ?? 0, id: p.after?.id ?? 0 };
  const streams = p.statuses
    ? p.statuses.map((status) => src.walk(true, Boolean(p.after)).all({ ...base, status }))
    : [src.walk(false, Boolean(p.after)).all(base)];
  // a few sorted streams (one per status) merged in plan order; one stream needs no merge
  const merged = streams.length === 1 ? streams[0] : streams.flat().sort((a, b) => a.seq - b.seq || a.id - b.id);
  return merged.slice(p.skip, p.skip + p.limit);
}

/**
 * Ids and plan order of the items of `unitId` (any role, or reported by it this period) among the period's rows.
 * CROSS JOIN: the unit's few thousand items probe the period's rows (else SQLite scans the 100,000 rows and probes the unit's).
 */
function unitRows(db: Database, scoped: boolean, periodId: number, unitId: number) {
  const sql = scoped
    ? `SELECT p.item_id AS id, p.kind, p.seq, p.status, p.reports FROM
         (SELECT item_id FROM item_units WHERE unit_id = @unit UNION SELECT item_id FROM reports WHERE period_id = @period AND unit_id = @unit) c
       CROSS JOIN period_items p ON p.period_id = @period AND p.item_id = c.item_id`
    : `SELECT i.id, i.kind, i.seq, i.status, 0 AS reports FROM (SELECT DISTINCT item_id FROM item_units WHERE unit_id = @unit) c CROSS JOIN items i ON i.id = c.item_id`;
  const rank = new Map<string, number>(ITEM_KINDS.map((k, i) => [k, i]));
  return db
    .prepare<Record<string, number>, { id: number; kind: ItemKind; seq: number; status: ItemStatus; reports: number }>(sql)
    .all({ unit: unitId, period: periodId })
    .sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || a.seq - b.seq || a.id - b.id);
}

/** Units reporting this period or answering for one of its items of the kinds shown, by name. */
function periodUnits(db: Database, scoped: boolean, periodId: number, kind?: ItemKind) {
  const of = scoped
    ? `SELECT 1 FROM item_units iu JOIN period_items p ON p.period_id = @period AND p.item_id = iu.item_id WHERE iu.unit_id = u.id ${kind ? 'AND p.kind = @kind' : ''}`
    : `SELECT 1 FROM item_units iu JOIN items i ON i.id = iu.item_id WHERE iu.unit_id = u.id ${kind ? 'AND i.kind = @kind' : ''}`;
  return db
    .prepare<Record<string, unknown>, { id: number; name: string }>(
      `SELECT u.id, u.name FROM units u WHERE EXISTS (SELECT 1 FROM reports r WHERE r.period_id = @period AND r.unit_id = u.id) OR EXISTS (${of})`,
    )
    .all({ period: periodId, kind: kind ?? null })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The 汇总表's totals, units and one page of ids without reading the period's reports: the kind, status
 * and unit filters from the kept rows and counts, the keyword from its indexes (summary-keyword.ts). Light
 * levels and keywords the indexes leave to the scan are not kept: undefined then.
 */
export function keptSummary(db: Database, q: SummaryQuery): KeptSummary | undefined {
  if (q.levels?.length) return undefined;
  const keyword = q.keyword?.trim() ? keywordMatches(db, q) : undefined;
  if (q.keyword?.trim() && !keyword) return undefined;
  const { offset = 0, limit } = q;
  const src = source(db, q.periodId);
  const kinds = q.kind ? [q.kind] : ITEM_KINDS;
  const statuses = q.statuses?.length ? [...new Set(q.statuses)] : undefined;
  const keeps = (c: Counted) => kinds.includes(c.kind) && (!statuses || statuses.includes(c.status));
  const sum = (f: (c: Counted) => boolean) => src.counts.filter(f).reduce((s, c) => s + c.n, 0);
  const shown = src.counts.filter((c) => kinds.includes(c.kind));
  const totals = { total: sum((c) => shown.includes(c)), reported: sum((c) => shown.includes(c) && c.reported > 0) };
  const units = periodUnits(db, src.scoped, q.periodId, q.kind);
  if (keyword) return { ...totals, ...keyword, units };
  if (q.unitId !== undefined) {
    const unitId = q.unitId;
    const rows = remembered(db, JSON.stringify({ kept: 'unit', q: { ...q, offset: 0, limit: 0 } }), () =>
      unitRows(db, src.scoped, q.periodId, unitId).filter((r) => kinds.includes(r.kind) && (!statuses || statuses.includes(r.status))),
    );
    const pageIds = rows.slice(offset, limit === undefined ? undefined : offset + limit).map((r) => r.id);
    return { ...totals, matched: rows.length, matchedReported: rows.filter((r) => r.reports > 0).length, units, pageIds };
  }
  const matched = sum(keeps);
  const end = limit === undefined ? matched : Math.min(matched, offset + limit);
  return { ...totals, matched, matchedReported: sum((c) => keeps(c) && c.reported > 0), units, pageIds: pageOf(db, src, q, kinds, statuses, offset, end) };
}

/** Ids from `offset` to `end` of the filtered rows, kind by kind, going on from where the last page ended. */
function pageOf(db: Database, src: ReturnType<typeof source>, q: SummaryQuery, kinds: readonly ItemKind[], statuses: ItemStatus[] | undefined, offset: number, end: number) {
  const cursors = remembered(db, JSON.stringify({ kept: 'cursors', q: { ...q, offset: 0, limit: 0 } }), () => new Map<number, Cursor>());
  const from = cursors.get(offset);
  const ids: number[] = [];
  let skip = offset;
  let last: Cursor | undefined;
  for (const kind of kinds) {
    if (ids.length >= end - offset) break;
    const n = src.counts.filter((c) => c.kind === kind && (!statuses || statuses.includes(c.status))).reduce((s, c) => s + c.n, 0);
    if (from && kind !== from.kind && !ids.length) {
      if (ITEM_KINDS.indexOf(kind) < ITEM_KINDS.indexOf(from.kind)) continue;
    } else if (!from && skip >= n) {
      skip -= n;
      continue;
    }
    const after = from && kind === from.kind && !ids.length ? from : undefined;
    const got = kindPage(src, { period: q.periodId, kind, statuses, skip: from ? 0 : skip, limit: end - offset - ids.length, after });
    skip = 0;
    ids.push(...got.map((r) => r.id));
    if (got.length) last = { kind, seq: got.at(-1)!.seq, id: got.at(-1)!.id };
  }
  if (last) cursors.set(offset + ids.length, last);
  return ids;
}
